using System.Text;

namespace ReformBot.Core.Plans;

/// <summary>Undoes what PDF text extraction does to table cells: stray spaces and broken lines.</summary>
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
}
