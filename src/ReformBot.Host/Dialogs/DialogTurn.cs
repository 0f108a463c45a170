namespace ReformBot.Host.Dialogs;

/// <summary>How a turn of a dialog ended, as the Bot Framework SDK's DialogTurnStatus says it.</summary>
public enum DialogTurnStatus
{
    /// <summary>The dialog asked (or asked again) and waits for the user's answer.</summary>
    Waiting,
    /// <summary>The dialog finished its last step without an action.</summary>
    Completed,
    /// <summary>A choice or an anywhere word named an action for the caller to run (<see cref="DialogTurn.Action"/>).</summary>
    Action,
}

/// <summary>What one turn of a dialog produced.</summary>
public sealed record DialogTurn
{
    private DialogTurn(DialogState state, IReadOnlyList<string> replies, DialogTurnStatus status, string? action)
    {
        State = state;
        Replies = replies;
        Status = status;
        Action = action;
    }

    public DialogState State { get; }

    /// <summary>Texts to send, in order.</summary>
    public IReadOnlyList<string> Replies { get; }

    public DialogTurnStatus Status { get; }

    /// <summary>The action's name when <see cref="Status"/> is <see cref="DialogTurnStatus.Action"/>, otherwise null.</summary>
    public string? Action { get; }

    public static DialogTurn Waiting(DialogState state, params IReadOnlyList<string> replies) => new(state, replies, DialogTurnStatus.Waiting, null);

    public static DialogTurn Completed(DialogState state) => new(state, [], DialogTurnStatus.Completed, null);

    public static DialogTurn ForAction(DialogState state, string action) => new(state, [], DialogTurnStatus.Action, action);
}
