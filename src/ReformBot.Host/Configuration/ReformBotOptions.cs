namespace ReformBot.Host.Configuration;

/// <summary>The "ReformBot" section of appsettings.json (or ReformBot__* environment variables).</summary>
public sealed class ReformBotOptions
{
    public const string Section = "ReformBot";

    /// <summary>The LiteDB file; relative paths are relative to the working directory.</summary>
    public string Database { get; set; } = "data/reformbot.db";

    /// <summary>The plan loaded into an empty database; relative to the application's folder.</summary>
    public string SeedPlan { get; set; } = "seeds/xinjiang-sci-tech-reform-plan-2017.txt";

    /// <summary>The curated department directory loaded into an empty database.</summary>
    public string SeedDepartments { get; set; } = "seeds/departments.yaml";

    public string ResolveSeed(string path) => Path.GetFullPath(path, AppContext.BaseDirectory);

    /// <summary>What is wrong with the settings, one line each naming the setting; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems() =>
        string.IsNullOrWhiteSpace(Database) ? [$"{Section}:{nameof(Database)} must name the database file."] : [];
}
