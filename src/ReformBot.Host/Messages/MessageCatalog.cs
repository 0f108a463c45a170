using YamlDotNet.RepresentationModel;

namespace ReformBot.Host.Messages;

/// <summary>
/// The Chinese texts users read, loaded from a YAML file of key: template pairs (dialogs/messages.yaml)
/// so that the office can change wording without touching code. Templates use {0}, {1}, … placeholders.
/// </summary>
public sealed class MessageCatalog
{
    private readonly Dictionary<string, string> _templates;

    private MessageCatalog(Dictionary<string, string> templates) => _templates = templates;

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "dialogs", "messages.yaml");

    /// <exception cref="InvalidDataException">The file is not a flat map of strings, or lacks a key the code uses.</exception>
    public static MessageCatalog Load(string path)
    {
        var yaml = new YamlStream();
        try
        {
            using var reader = File.OpenText(path);
            yaml.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidDataException($"{path}: line {e.Start.Line}: {e.Message}", e);
        }
        if (yaml.Documents.Count != 1 || yaml.Documents[0].RootNode is not YamlMappingNode root)
            throw new InvalidDataException($"{path}: expected one map of message keys to texts.");

        var templates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in root.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } || value is not YamlScalarNode { Value: { } text })
                throw new InvalidDataException($"{path}: line {key.Start.Line}: every entry must be a key with a text.");
            templates[name] = text;
        }
        var missing = MessageKeys.All.Where(k => !templates.ContainsKey(k)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"{path}: missing messages: {string.Join(", ", missing)}");
        return new MessageCatalog(templates);
    }

    public string this[string key] => _templates[key];

    public string Format(string key, params object?[] args) => string.Format(_templates[key], args);

    /// <summary>The text cut to <paramref name="length"/> characters, with the catalog's ellipsis when cut.</summary>
    public string Shorten(string text, int length) =>
        text.Length <= length ? text : text[..length] + _templates[MessageKeys.FormatEllipsis];
}
