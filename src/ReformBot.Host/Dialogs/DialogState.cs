namespace ReformBot.Host.Dialogs;

/// <summary>
/// Where a running dialog is: its step, the answers so far and the values its starter gave it.
/// Plain data, kept in bot state between turns, so a restart resumes at the same question.
/// </summary>
public sealed class DialogState
{
    public string DialogId { get; set; } = "";
    public string StepId { get; set; } = "";
    /// <summary>Answers, by the steps' Save names.</summary>
    public Dictionary<string, string> Values { get; set; } = [];
    /// <summary>Values given by the starter for the texts (e.g. the task's number and text).</summary>
    public Dictionary<string, string> Context { get; set; } = [];
    /// <summary>Earlier answers offered for reuse (e.g. last quarter's), by save name; never copied unless asked for.</summary>
    public Dictionary<string, string> Offered { get; set; } = [];
    /// <summary>The steps answered before the current one, most recent last, for going back.</summary>
    public List<string> History { get; set; } = [];
    /// <summary>The step to come back to after changing one answer (修改 进展 at the summary), or null.</summary>
    public string? ReturnTo { get; set; }
    /// <summary>Set after a message answered several steps: answering a step goes on to the next one still unanswered.</summary>
    public bool Filling { get; set; }
    /// <summary>Steps whose answer in a labelled message was refused: asked again even when optional.</summary>
    public List<string> Retry { get; set; } = [];
}
