using System.Text;

namespace ReformBot.Core.Plans;

/// <summary>Undoes what PDF text extraction does to table cells (stray spaces, broken lines), and splits cells into parts.</summary>
public static class TextCleanup
{
    public static string RemoveAllWhitespace(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            if (!char.IsWhiteSpace(c)) sb.Append(c);
        return sb.ToString();
    }

    /// <summary>
    /// Drops whitespace next to a non-ASCII character (Chinese text has no spaces; extraction adds
    /// them) and keeps one space between two ASCII characters, so "open source" stays two words.
    /// </summary>
    public static string CleanTaskText(string text)
    {
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                sb.Append(text[i++]);
                continue;
            }
            var runStart = i;
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            var before = runStart > 0 ? text[runStart - 1] : '\0';
            var after = i < text.Length ? text[i] : '\0';
            if (sb.Length > 0 && after != '\0' && char.IsAscii(before) && char.IsAscii(after))
                sb.Append(' ');
        }
        return sb.ToString();
    }

    /// <summary>
    /// Splits at any of <paramref name="separators"/> outside parentheses, so 各县（市、区）人民政府 stays one
    /// part. Empty parts are kept: callers decide what an empty part means.
    /// </summary>
    public static List<string> SplitOutsideParentheses(string text, params char[] separators)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '\0';
            if (c is '（' or '(') depth++;
            else if (c is '）' or ')' && depth > 0) depth--;
            else if (i == text.Length || (depth == 0 && Array.IndexOf(separators, c) >= 0))
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }
        return parts;
    }
}
