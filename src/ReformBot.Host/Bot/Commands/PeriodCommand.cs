using ReformBot.Core.Periods;
using ReformBot.Host.Messages;
using ReformBot.Host.Periods;

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
        if (argument == turn.Messages[MessageKeys.Period.AutoWords] || argument.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            periods.SetOverride(null);
            await turn.SayAsync(MessageKeys.Period.Cleared, cancellationToken, format.Period(periods.Current()));
            return;
        }
        if (!Quarter.TryParse(argument.Normalize(System.Text.NormalizationForm.FormKC), out var quarter))
        {
            await turn.SayAsync(MessageKeys.Period.Invalid, cancellationToken, argument);
            await turn.SayAsync(MessageKeys.Period.Usage, cancellationToken);
            return;
        }
        periods.SetOverride(quarter);
        await turn.SayAsync(MessageKeys.Period.Set, cancellationToken, format.Period(quarter));
    }
}
