using System.Globalization;
using Microsoft.Bot.Builder;

namespace ReformBot.Host.Bot;

/// <summary>
/// Keeps the culture the SDK sets for a turn, but as the shared, read-only instance of it.
/// </summary>
/// <remarks>
/// The SDK's adapter makes the turn's culture a new <see cref="CultureInfo"/> of the activity's locale
/// on every turn. A new instance builds its number formats and collation afresh from ICU the first time
/// anything parses a number or compares text (the dialogs' choices, LiteDB's queries): about a sixth of
/// a report answer's CPU. <see cref="CultureInfo.GetCultureInfo(string)"/> hands out one instance per
/// name that keeps what it built, and formats, parses and compares alike.
/// </remarks>
public sealed class SharedCultureMiddleware : Microsoft.Bot.Builder.IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var culture = CultureInfo.CurrentCulture;
        if (!culture.IsReadOnly)
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture.Name);
        return next(cancellationToken);
    }
}
