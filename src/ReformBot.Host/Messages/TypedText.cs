using System.Text;

namespace ReformBot.Host.Messages;

/// <summary>
/// Text that people typed (messages, the names they chose), made safe: cleaned where it comes in, and
/// escaped where chat shows it as Markdown.
/// </summary>
public static class TypedText
{
    /// <summary>
    /// The text without what no person means to type and what can forge or garble what others read:
    /// control characters (NUL, ESC, …; line breaks and tabs stay when <paramref name="multiline"/>, as
    /// one "\n" per break), lone surrogates and U+FFFD (which JSON readers put in their place), and the
    /// bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make a name
    /// read backwards. Without <paramref name="multiline"/> a line break (also U+2028, U+2029) or tab
    /// becomes a space.
    /// </summary>
    public static string Clean(string text, bool multiline)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (multiline) text = text.ReplaceLineEndings("\n");
        StringBuilder? cleaned = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var keep = char.IsHighSurrogate(c) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                : char.IsLowSurrogate(c) ? i > 0 && char.IsHighSurrogate(text[i - 1])
                : !IsUnwanted(c, multiline);
            if (keep && cleaned is null) continue;
            cleaned ??= new StringBuilder(text.Length).Append(text, 0, i);
            if (keep) cleaned.Append(c);
            else if (!multiline && c is '\n' or '\r' or '\t' or '\u0085' or '\u2028' or '\u2029') cleaned.Append(' ');
        }
        return cleaned?.ToString() ?? text;
    }

    private static bool IsUnwanted(char c, bool multiline) =>
        char.IsControl(c) ? !(multiline && c is '\n' or '\t')
        : c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u2028' or '\u2029' or '\uFFFD';

    /// <summary>
    /// Typed text for a chat message (Markdown): Markdown's active characters escaped, so a * or _ in a
    /// name or a problem does not turn the rest of the message bold or italic.
    /// </summary>
    public static string Markdown(string text)
    {
        if (text.AsSpan().IndexOfAny(@"\*_`[]~<>") < 0) return text;
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '~' or '<' or '>') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
