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
}
