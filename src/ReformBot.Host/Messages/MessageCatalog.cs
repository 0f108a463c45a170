using System.Text;
using YamlDotNet.RepresentationModel;

namespace ReformBot.Host.Messages;

/// <summary>
/// The Chinese texts users read, loaded from a YAML file of key: template pairs (dialogs/messages.yaml)
/// so that the office can change wording without touching code. Templates use {0}, {1}, … placeholders,
/// parsed at load: a broken one stops the host at start instead of failing the first user who meets it.
/// </summary>
public sealed class MessageCatalog
{
    private readonly Dictionary<string, CompositeFormat> _templates;

    private MessageCatalog(Dictionary<string, CompositeFormat> templates) => _templates = templates;

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "dialogs", "messages.yaml");

    /// <exception cref="InvalidDataException">The file is not a flat map of strings, has a broken placeholder, or lacks a key the code uses.</exception>
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

        var templates = new Dictionary<string, CompositeFormat>(StringComparer.Ordinal);
        foreach (var (key, value) in root.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } || value is not YamlScalarNode { Value: { } text })
                throw new InvalidDataException($"{path}: line {key.Start.Line}: every entry must be a key with a text.");
            try
            {
                templates[name] = CompositeFormat.Parse(text);
            }
            catch (FormatException)
            {
                throw new InvalidDataException($"{path}: line {key.Start.Line}: {name}: a broken placeholder; write {{0}}, {{1}}, … and a literal brace as {{{{ or }}}}.");
            }
        }
        var missing = MessageKeys.All.Where(k => !templates.ContainsKey(k)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"{path}: missing messages: {string.Join(", ", missing)}");
        return new MessageCatalog(templates);
    }

    public string this[string key] => _templates[key].Format;

    public string Format(string key, params object?[] args) => string.Format(null, _templates[key], args);

    /// <summary>The text cut to <paramref name="length"/> characters, with the catalog's ellipsis when cut.</summary>
    public string Shorten(string text, int length) =>
        text.Length <= length ? text : text[..length] + this[MessageKeys.Format.Ellipsis];
}
