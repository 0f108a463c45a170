using ReformBot.Host.Periods;
using ReformBot.Core.Storage;
using ReformBot.Host.Contacts;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Cli;

/// <summary>
/// What a command runs against. The same commands run in the command-line process (store opened
/// directly) and inside the running host (its own store, on behalf of a command-line process).
/// Every store is a function, opened on first use, so that --help never touches the database.
/// The required members make every place that builds a context (the command-line process, the
/// admin endpoint) supply what every command needs.
/// </summary>
/// <param name="WorkingDirectory">Where relative file arguments are resolved: the caller's directory.</param>
public sealed record CliContext(
    TextWriter Out,
    TextWriter Error,
    string WorkingDirectory,
    MessageCatalog Messages,
    Func<IPlanRepository> Plans)
{
    public required Func<IContactRepository> Contacts { get; init; }

    public required Func<IReportRepository> Reports { get; init; }

    public required Func<RegistrationService> Registration { get; init; }

    /// <summary>Periods, dates, local times, statuses and names as users read them.</summary>
    public required Func<TextFormat> Format { get; init; }

    /// <summary>The period being reported, with the office's override.</summary>
    public required Func<ReportingPeriods> Periods { get; init; }

    public required Func<PeriodDescription> PeriodDescription { get; init; }

    /// <summary>Digests from the store, for `digest`.</summary>
    public required Func<Digests.DigestService> Digests { get; init; }

    /// <summary>The digest as chat Markdown, for `digest --format md`.</summary>
    public required Func<Digests.DigestMarkdown> DigestMarkdown { get; init; }

    /// <summary>The ledger (.xlsx), for `export`.</summary>
    public required Func<Ledger.LedgerService> Ledger { get; init; }

    /// <summary>A context whose stores cannot be opened: for parsing a command line without running it.</summary>
    public static CliContext ParseOnly(MessageCatalog messages) =>
        new(TextWriter.Null, TextWriter.Null, "", messages, Unavailable<IPlanRepository>)
        {
            Contacts = Unavailable<IContactRepository>,
            Reports = Unavailable<IReportRepository>,
            Registration = Unavailable<RegistrationService>,
            Format = Unavailable<TextFormat>,
            Periods = Unavailable<ReportingPeriods>,
            PeriodDescription = Unavailable<PeriodDescription>,
            Digests = Unavailable<Digests.DigestService>,
            DigestMarkdown = Unavailable<Digests.DigestMarkdown>,
            Ledger = Unavailable<Ledger.LedgerService>,
        };

    private static T Unavailable<T>() => throw new InvalidOperationException("This context only parses command lines.");
}
