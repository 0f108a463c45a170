using ReformBot.Host.Messages;
using ReformBot.Host.Storage;

namespace ReformBot.Host.Cli;

/// <summary>The one line that tells whoever starts the host or the tool why the database cannot be used and what to do.</summary>
public static class StoreProblems
{
    /// <summary>The line for a store that cannot be opened; null for any other exception.</summary>
    public static string? Line(Exception e, MessageCatalog messages) => e switch
    {
        DatabaseInUseException inUse => messages.Format(MessageKeys.Cli.DatabaseInUse, inUse.DatabasePath),
        StoreUnavailableException s => messages.Format(s.Problem switch
        {
            StoreProblem.Damaged => MessageKeys.Cli.DatabaseDamaged,
            StoreProblem.Empty => MessageKeys.Cli.DatabaseEmpty,
            StoreProblem.ReadOnly => MessageKeys.Cli.DatabaseReadOnly,
            StoreProblem.SymbolicLink => MessageKeys.Cli.DatabaseSymbolicLink,
            _ => throw new ArgumentOutOfRangeException(nameof(e), s.Problem, null),
        }, s.DatabasePath, OneLine(s.Detail)),
        _ => null,
    };

    // LiteDB's and the OS's messages may span lines; the operator gets one.
    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
