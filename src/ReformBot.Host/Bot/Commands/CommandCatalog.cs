using System.Text;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ReformBot.Host.Bot.Commands;

/// <summary>One chat command as defined in dialogs/commands.yaml.</summary>
/// <param name="Contact">For registered users only: the dispatch refuses everyone else, so the handler always has a contact.</param>
/// <param name="Office">For the coordination office only.</param>
/// <param name="OneToOne">Writes or shows a department's data: refused in group chats, where others read along.</param>
public sealed record CommandDefinition(string Id, IReadOnlyList<string> Words, string Alias, string Usage, string Summary, bool Contact, bool Office, bool OneToOne = false);

/// <summary>A message read as a command: which one, and the text after the command word.</summary>
public sealed record CommandMatch(CommandDefinition Command, string Argument);

/// <summary>
/// The chat commands (dialogs/commands.yaml): their Chinese words, slash aliases and help lines.
/// Matching folds full-width forms (／help = /help) and ignores surrounding spaces.
/// </summary>
public sealed class CommandCatalog
{
    private readonly List<(string Token, CommandDefinition Command)> _tokens;

    private CommandCatalog(IReadOnlyList<CommandDefinition> commands)
    {
        Commands = commands;
        // Longest first, so that 我的任务 is not read as 我的 + …, nor /mytasks as /my + ….
        _tokens = commands.SelectMany(c => c.Words.Append(c.Alias).Select(t => (Fold(t), c)))
            .OrderByDescending(t => t.Item1.Length).ToList();
    }

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "dialogs", "commands.yaml");

    public IReadOnlyList<CommandDefinition> Commands { get; }

    /// <exception cref="InvalidDataException">The file is malformed, a word is used twice, or an id is unknown to the code.</exception>
    public static CommandCatalog Load(string path)
    {
        List<Entry>? entries;
        try
        {
            entries = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
                .Deserialize<List<Entry>>(File.ReadAllText(path));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidDataException($"{path}: line {e.Start.Line}: {e.Message}", e);
        }

        var knownIds = CommandIds.All;
        var commands = new List<CommandDefinition>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in entries ?? [])
        {
            if (string.IsNullOrWhiteSpace(e.Id) || !knownIds.Contains(e.Id))
                throw new InvalidDataException($"{path}: unknown command id '{e.Id}'; known: {string.Join(", ", knownIds)}.");
            if (e.Words is not { Count: > 0 } || string.IsNullOrWhiteSpace(e.Alias) || !e.Alias.StartsWith('/'))
                throw new InvalidDataException($"{path}: command '{e.Id}' needs at least one word and an alias starting with '/'.");
            foreach (var token in e.Words.Append(e.Alias).Select(Fold))
                if (!seen.Add(token))
                    throw new InvalidDataException($"{path}: '{token}' is used by two commands.");
            commands.Add(new CommandDefinition(e.Id, e.Words.Select(w => w.Trim()).ToList(), e.Alias.Trim(), e.Usage ?? e.Words[0], e.Summary ?? "", e.Contact, e.Office, e.OneToOne));
        }
        var missing = knownIds.Except(commands.Select(c => c.Id)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"{path}: missing commands: {string.Join(", ", missing)}.");
        return new CommandCatalog(commands);
    }

    /// <summary>The command a message starts with, or null for free text.</summary>
    public CommandMatch? Match(string? text)
    {
        var folded = Fold(text ?? "");
        foreach (var (token, command) in _tokens)
        {
            if (!folded.StartsWith(token, StringComparison.OrdinalIgnoreCase)) continue;
            var rest = folded[token.Length..];
            // A slash alias must stand alone (/task 5, not /tasks); a Chinese word may run into its argument (任务61).
            if (token.StartsWith('/') && rest.Length > 0 && !char.IsWhiteSpace(rest[0])) continue;
            return new CommandMatch(command, rest.Trim());
        }
        return null;
    }

    private static string Fold(string text) => text.Normalize(NormalizationForm.FormKC).Trim();

    private sealed class Entry
    {
        public string? Id { get; set; }
        public List<string>? Words { get; set; }
        public string? Alias { get; set; }
        public string? Usage { get; set; }
        public string? Summary { get; set; }
        public bool Contact { get; set; }
        public bool Office { get; set; }
        public bool OneToOne { get; set; }
    }
}
