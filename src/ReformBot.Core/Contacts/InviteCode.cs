using System.Text;

namespace ReformBot.Core.Contacts;

/// <summary>
/// The text of an invite code. A code is <see cref="Length"/> characters from <see cref="Alphabet"/>,
/// which leaves out characters that read alike (0/O, 1/I/L), and is shown grouped for reading
/// (<c>K7QM-XW3P-9T</c>). What people type on a phone is accepted too: lower case, full-width
/// characters, spaces and dashes anywhere.
/// </summary>
public static class InviteCode
{
    /// <summary>Digits 2–9 and the letters without I, L and O: 31 characters.</summary>
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>31^10 ≈ 8×10^14 codes: with a code single-use and short-lived, guessing one is hopeless.</summary>
    public const int Length = 10;

    private static readonly int[] Groups = [4, 4, 2];

    /// <summary>The stored form of what a user typed (upper case, no separators), or false when it cannot be a code.</summary>
    public static bool TryNormalize(string? typed, out string code)
    {
        code = "";
        if (string.IsNullOrWhiteSpace(typed)) return false;
        var folded = typed.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(Length);
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.DashPunctuation) continue;
            var upper = char.ToUpperInvariant(c);
            if (!Alphabet.Contains(upper)) return false;
            sb.Append(upper);
            if (sb.Length > Length) return false;
        }
        if (sb.Length != Length) return false;
        code = sb.ToString();
        return true;
    }

    /// <summary>True for a code in its stored form.</summary>
    public static bool IsNormalized(string code) =>
        code.Length == Length && code.All(c => Alphabet.Contains(c));

    /// <summary>The code as shown to people: <c>K7QMXW3P9T</c> → <c>K7QM-XW3P-9T</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not a code in its stored form.</exception>
    public static string Display(string code)
    {
        if (!IsNormalized(code)) throw new ArgumentException($"'{code}' is not an invite code.", nameof(code));
        var parts = new List<string>(Groups.Length);
        var start = 0;
        foreach (var size in Groups)
        {
            parts.Add(code.Substring(start, size));
            start += size;
        }
        return string.Join('-', parts);
    }
}
