using System.Text;
using System.Text.RegularExpressions;
using ReformBot.Core.Contacts;

namespace ReformBot.Host.Bot.Commands;

/// <summary>
/// The command a near miss most likely meant (帮组 → 帮助, 我要汇报 → 汇报, 汇报 第9项 → 汇报 9), built from
/// the words of dialogs/commands.yaml: a task written as 第N项 or 第N条, a short message that contains a
/// command word, or one character off a command word. Only commands the sender may use are suggested.
/// </summary>
public sealed partial class CommandSuggestions(CommandCatalog commands)
{
    /// <summary>A message longer than a command word by more than this is a sentence, not a command typed with extra words.</summary>
    private const int ExtraCharacters = 4;

    /// <summary>What to suggest for <paramref name="text"/>, read as <paramref name="match"/> (or as no command), or null when it is no near miss.</summary>
    public string? For(string text, CommandMatch? match, Contact? sender)
    {
        var folded = Squeeze(text);
        if (match is not null)
        {
            // 汇报 第9项: the command is right, only its task number is written out.
            var word = match.Command.Words[0];
            return Numbered().Match(match.Argument) is { Success: true } numbered && MayUse(match.Command, sender)
                ? Join(word, numbered.Groups["n"].Value, numbered.Groups["rest"].Value)
                : null;
        }
        if (folded.Length < 2) return null;
        var usable = commands.Commands.Where(c => MayUse(c, sender)).SelectMany(c => c.Words.Select(w => (Word: Squeeze(w), c.Words[0])))
            .Where(w => w.Word.Length >= 2).OrderByDescending(w => w.Word.Length).ToList();

        // 我要汇报, 我要汇报第9项: a short message around a command word.
        foreach (var (word, first) in usable)
        {
            var at = folded.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at < 0 || folded.Length > word.Length + ExtraCharacters + TaskPart(folded[(at + word.Length)..]).Length) continue;
            return Join(first, TaskNumber(folded[(at + word.Length)..]), "");
        }
        // 帮组, 会报 61, 催半 科技厅, 我的任物: the first word is one character off a command word; what follows is kept.
        var parts = text.Normalize(NormalizationForm.FormKC).Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        var head = TaskTail().Replace(parts[0], "");
        var number = TaskNumber(parts[0][head.Length..]);
        foreach (var (word, first) in usable)
            if (OneOff(head, word) && (head.Length == parts[0].Length || number.Length > 0))
                return Join(first, number, parts.Length > 1 ? parts[1] : "");
        return null;
    }

    private static bool MayUse(CommandDefinition command, Contact? sender) =>
        (!command.Office || sender?.IsOffice == true) && (!command.Contact || sender is not null);

    private static string Join(string word, string number, string rest) =>
        string.Join(' ', new[] { word, number, rest.Trim() }.Where(p => p.Length > 0));

    /// <summary>The task number of a 第9项, 9 or 第 9 条 that follows a command word, or "".</summary>
    private static string TaskNumber(string rest) =>
        TaskTail().Match(rest) is { Success: true, Index: 0 } m ? m.Groups["n"].Value : "";

    private static string TaskPart(string rest) =>
        TaskTail().Match(rest) is { Success: true, Index: 0 } m ? m.Value : "";

    /// <summary>
    /// One substitution, insertion or deletion apart. A two-character word allows only a substitution, so a
    /// single character is never taken for a word.
    /// </summary>
    private static bool OneOff(string text, string word)
    {
        if (string.Equals(text, word, StringComparison.OrdinalIgnoreCase)) return false;
        if (text.Length == word.Length) return text.Where((c, i) => char.ToLowerInvariant(c) != char.ToLowerInvariant(word[i])).Count() == 1;
        if (word.Length <= 2 || Math.Abs(text.Length - word.Length) != 1) return false;
        var (shorter, longer) = text.Length < word.Length ? (text, word) : (word, text);
        for (var i = 0; i < longer.Length; i++)
            if (string.Equals(longer.Remove(i, 1), shorter, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    // Folded (full-width digits and letters made half-width) and without spaces: 汇报 第 9 项 reads as 汇报第9项.
    private static string Squeeze(string text) => Spaces().Replace(text.Normalize(NormalizationForm.FormKC), "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    // 第9项, 第3.2项, 第 9 条, or the number alone, at the end of the message.
    [GeneratedRegex(@"第?(?<n>\d{1,4}(?:\.\d{1,4}){0,3})[项條条]?$")]
    private static partial Regex TaskTail();

    // The argument of a matched command: 第9项, 第3.2项 or 第 9 条, then anything (a department).
    [GeneratedRegex(@"^第\s*(?<n>\d{1,4}(?:[.．]\d{1,4}){0,3})\s*[项條条](?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex Numbered();
}
