using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ReformBot.Core.Plans;

/// <summary>
/// Task numbers as people write them: <c>80</c>, <c>3.2</c> (<c>３．２</c>), <c>1.</c>, <c>1、</c>, <c>（1）</c>, <c>1）</c>,
/// <c>（一）</c> or <c>一、</c>. One reading serves
/// the table's number cells and what a contact types in chat, so that <c>汇报 3.2</c> finds the task the table numbers 3.2.
/// </summary>
public static partial class TaskNumbering
{
    private const string Digits = "一二三四五六七八九";

    /// <summary>A task number read: its label without decoration (3.2, 一) and its parts as numbers (3, 2; 1).</summary>
    /// <param name="Chinese">Written in Chinese numerals (一、二…), which a table does not mix with 1, 2, 3.</param>
    public sealed record Reading(string Label, IReadOnlyList<int> Parts, bool Chinese)
    {
        /// <summary>1, 1.1, 一: the first number of its numbering.</summary>
        public bool IsFirst => Parts.All(p => p == 1);

        /// <summary>
        /// Whether this number may follow <paramref name="previous"/>: the next at some level of the previous number, or
        /// its first child, with any deeper levels at 1 (1.2 → 1.3, 1.2 → 2, 1.2 → 2.1, 1 → 1.1).
        /// </summary>
        public bool Follows(Reading previous)
        {
            if (Chinese != previous.Chinese) return false;
            var p = previous.Parts;
            // A first child: the previous number followed by ones.
            if (Parts.Count > p.Count && Parts.Take(p.Count).SequenceEqual(p) && Parts.Skip(p.Count).All(x => x == 1)) return true;
            for (var level = 1; level <= Math.Min(p.Count, Parts.Count); level++)
                if (Parts.Take(level - 1).SequenceEqual(p.Take(level - 1)) && Parts[level - 1] == p[level - 1] + 1 && Parts.Skip(level).All(x => x == 1))
                    return true;
            return false;
        }

        /// <summary>The number that would follow this one at its own level: 3.2 → 3.3, 一 → 二.</summary>
        public string Next() => Chinese
            ? ToChinese(Parts[0] + 1)
            : string.Join('.', Parts.Take(Parts.Count - 1).Append(Parts[^1] + 1));

        /// <summary>Whether this number comes before <paramref name="other"/> in numbering order.</summary>
        public bool Precedes(Reading other)
        {
            for (var i = 0; i < Math.Min(Parts.Count, other.Parts.Count); i++)
                if (Parts[i] != other.Parts[i]) return Parts[i] < other.Parts[i];
            return Parts.Count < other.Parts.Count;
        }
    }

    /// <summary>
    /// Reads a table's number cell: <c>12</c>, <c>3.2</c>, <c>（一）</c>, <c>一、</c>, in full- or half-width forms, and with
    /// the mark clerks often add (<c>1.</c>, <c>1、</c>, <c>（1）</c>, <c>1）</c> read as 1). Null for anything else
    /// (<c>合计</c>, <c>-2</c>, <c>（1</c>).
    /// </summary>
    public static Reading? ReadCell(string cell) => Read(cell) is { } reading && reading.Parts.All(p => p > 0) ? reading : null;

    /// <summary>A number as written, 0 included: a cell never numbers a task 0, but a person may type it.</summary>
    private static Reading? Read(string cell)
    {
        var folded = Regex.Replace(cell.Normalize(NormalizationForm.FormKC), @"\s+", "");
        if (ArabicNumber().Match(folded) is { Success: true } arabic)
        {
            var parts = new List<int>();
            foreach (var part in arabic.Groups["n"].Value.Split('.'))
            {
                if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return null;
                parts.Add(value);
            }
            return new Reading(string.Join('.', parts), parts, Chinese: false);
        }
        if (ChineseNumber().Match(folded) is { Success: true } chinese &&
            (chinese.Groups["open"].Success == chinese.Groups["close"].Success) &&
            FromChinese(chinese.Groups["n"].Value) is int number)
            return new Reading(chinese.Groups["n"].Value, [number], Chinese: true);
        return null;
    }

    /// <summary>
    /// The label a contact means by what they typed: the number as a cell writes it, or with 第…项 around it
    /// (<c>第3.2项</c>, <c>３．２</c>, <c>（一）</c>). Null when it is no task number.
    /// </summary>
    public static string? LabelTyped(string typed) => ReadTyped(typed)?.Label;

    /// <summary>What <see cref="LabelTyped"/> reads, with the kind of numbering.</summary>
    public static Reading? ReadTyped(string typed)
    {
        var folded = Regex.Replace(typed.Normalize(NormalizationForm.FormKC), @"\s+", "");
        if (Ordinal().Match(folded) is { Success: true } ordinal) folded = ordinal.Groups["n"].Value;
        return Read(folded);
    }

    /// <summary>一 → 1 … 九十九 → 99; null for what is no Chinese number below 100.</summary>
    private static int? FromChinese(string text)
    {
        var ten = text.IndexOf('十');
        if (ten < 0) return text.Length == 1 && Digits.IndexOf(text[0]) is var d and >= 0 ? d + 1 : null;
        if (text.IndexOf('十', ten + 1) >= 0 || ten > 1) return null;
        var tens = ten == 0 ? 1 : Digits.IndexOf(text[0]) + 1;
        var ones = ten == text.Length - 1 ? 0 : text.Length - ten == 2 ? Digits.IndexOf(text[^1]) + 1 : -1;
        return tens > 0 && ones >= 0 ? tens * 10 + ones : null;
    }

    private static string ToChinese(int number) => number switch
    {
        < 10 => Digits[number - 1].ToString(),
        < 20 => "十" + (number % 10 == 0 ? "" : Digits[number % 10 - 1].ToString()),
        _ => Digits[number / 10 - 1] + "十" + (number % 10 == 0 ? "" : Digits[number % 10 - 1].ToString()),
    };

    // The mark after a number (1. 1、 1）) or around it (（1）) only decorates it; NFKC has folded ．（） to .().
    [GeneratedRegex(@"^(?<open>\()?(?<n>\d{1,6}(?:\.\d{1,6}){0,3})(?(open)\)|[.、)]?)$")]
    private static partial Regex ArabicNumber();

    [GeneratedRegex(@"^(?<open>\()?(?<n>[一二三四五六七八九十]{1,3})(?<close>\))?(?(open)|[、.]?)$")]
    private static partial Regex ChineseNumber();

    [GeneratedRegex(@"^第(?<n>.+?)[项條条]?$")]
    private static partial Regex Ordinal();
}
