using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using ReformBot.Host.Messages;
using ReformBot.Host.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace ReformBot.Host.Tests.Messages;

public sealed class MessageCatalogTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_shipped_catalog_has_every_message_the_code_uses()
    {
        var catalog = MessageCatalog.Load(MessageCatalog.DefaultPath);

        Assert.All(MessageKeys.All, key => Assert.False(string.IsNullOrWhiteSpace(catalog[key])));
        Assert.Equal("没有第 7 项任务。", catalog.Format(MessageKeys.Cli.TaskNotFound, 7));
    }

    [Fact]
    public void Every_message_of_the_file_is_one_the_code_uses()
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(MessageCatalog.DefaultPath)) yaml.Load(reader);
        var inFile = ((YamlMappingNode)yaml.Documents[0].RootNode).Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList();

        Assert.Empty(inFile.Except(MessageKeys.All));
        Assert.Empty(MessageKeys.All.Except(inFile));
    }

    /// <summary>
    /// A key constant the code reads is compiled into the host as a string literal (ldstr); one that
    /// nothing reads stays in the constant's metadata only. The enum-completed prefixes count as read.
    /// </summary>
    [Fact]
    public void Every_key_constant_is_read_by_the_code()
    {
        using var pe = new PEReader(File.OpenRead(typeof(MessageCatalog).Assembly.Location));
        var metadata = pe.GetMetadataReader();
        var literals = new HashSet<string>(StringComparer.Ordinal);
        for (var handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = metadata.GetNextHandle(handle))
            literals.Add(metadata.GetUserString(handle));

        var constants = typeof(MessageKeys).GetNestedTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral)
            .Select(f => (Name: $"{f.DeclaringType!.Name}.{f.Name}", Key: (string)f.GetRawConstantValue()!))
            .ToList();

        Assert.NotEmpty(constants);
        Assert.Empty(constants.Where(c => !literals.Contains(c.Key)).Select(c => c.Name));
    }

    [Fact]
    public void A_catalog_missing_a_message_is_refused_naming_the_file_and_the_key()
    {
        var path = _dir.File("messages.yaml");
        File.WriteAllLines(path, File.ReadAllLines(MessageCatalog.DefaultPath).Where(l => !l.StartsWith("cli.task.notFound:")));

        var error = Assert.Throws<InvalidDataException>(() => MessageCatalog.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("cli.task.notFound", error.Message);
    }

    [Theory]
    [InlineData("没有第 {0 项任务。")]
    [InlineData("没有第 {x} 项任务。")]
    [InlineData("没有第 0} 项任务。")]
    public void A_broken_placeholder_is_refused_at_load_naming_the_file_and_the_key(string template)
    {
        var path = _dir.File("messages.yaml");
        File.WriteAllLines(path, File.ReadAllLines(MessageCatalog.DefaultPath)
            .Select(l => l.StartsWith("cli.task.notFound:") ? $"cli.task.notFound: {template}" : l));

        var error = Assert.Throws<InvalidDataException>(() => MessageCatalog.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("cli.task.notFound", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("cli.tasks: [unclosed", ": line ")]
    [InlineData("- a list\n- not a map", "expected one map")]
    [InlineData("cli.tasks:\n  nested: map", "line 1")]
    public void A_malformed_catalog_is_refused_naming_the_file_and_the_problem(string yaml, string problem)
    {
        var path = _dir.File("messages.yaml");
        File.WriteAllText(path, yaml);

        var error = Assert.Throws<InvalidDataException>(() => MessageCatalog.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains(problem, error.Message);
    }
}
