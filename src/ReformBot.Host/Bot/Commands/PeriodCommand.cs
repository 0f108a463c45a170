using ReformBot.Core.Periods;
using ReformBot.Host.Messages;
using ReformBot.Host.Periods;
using static ReformBot.Host.Messages.MessageKeys;

namespace ReformBot.Host.Bot.Commands;

/// <summary>周期 [季度|自动] (office): see the current period and its reminders, or set or clear an override.</summary>
public sealed class PeriodCommand(ReportingPeriods periods, PeriodDescription description, TextFormat format) : IChatCommand
{
    public string Id => CommandIds.Period;

    public async Task HandleAsync(ChatTurn turn, string argument, CancellationToken cancellationToken)
    {
        if (argument.Length == 0)
        {
            await turn.SayTextAsync(description.Describe(), cancellationToken);
            return;
        }
        if (argument == turn.Messages[PeriodAutoWords] || argument.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            periods.SetOverride(null);
            await turn.SayAsync(PeriodCleared, cancellationToken, format.Period(periods.Current()));
            return;
        }
        if (!Quarter.TryParse(argument.Normalize(System.Text.NormalizationForm.FormKC), out var quarter))
        {
            await turn.SayAsync(PeriodInvalid, cancellationToken, argument);
            await turn.SayAsync(PeriodUsage, cancellationToken);
            return;
        }
        periods.SetOverride(quarter);
        await turn.SayAsync(PeriodSet, cancellationToken, format.Period(quarter));
    }
}
