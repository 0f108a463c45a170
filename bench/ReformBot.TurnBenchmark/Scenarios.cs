namespace ReformBot.TurnBenchmark;

/// <summary>
/// Which echo bot a scenario is held against: the one that reads its state, the one that writes it every turn,
/// or the one that also flushes every write to disk (the yardstick of a host started with flushed state).
/// </summary>
public enum Yardstick { ReadEcho, WriteEcho, FlushEcho }

/// <summary>A kind of turn, as users send it. <see cref="Prepare"/>, when set, brings a conversation to where the timed turns start.</summary>
public sealed record Scenario(string Name, Yardstick Yardstick, Func<Speaker, Turn, CancellationToken, Task> Run,
    Func<Speaker, Turn, CancellationToken, Task>? Prepare = null)
{
    public static Scenario Echo(string name) => new(name, Yardstick.ReadEcho, (s, t, c) =>
        Expect(s.SayAsync($"user-{t.Worker}", $"bench-{t.Run}-{t.Worker}", "帮助", true, c), "帮助"));

    public static IReadOnlyList<Scenario> For(Cast cast)
    {
        (string UserId, string Department, IReadOnlyList<int> LeadTasks) Contact(Turn t) => cast.Contacts[t.Worker % cast.Contacts.Count];
        int LeadTask(Turn t) => Contact(t).LeadTasks[t.Iteration % Contact(t).LeadTasks.Count];
        string Office(Turn t) => cast.Office[t.Worker % cast.Office.Count];
        string Home(Turn t) => $"bench-{t.Run}-{t.Worker}";

        return
        [
            new("帮助", Yardstick.ReadEcho, (s, t, c) =>
                Expect(s.SayAsync($"visitor-{t.Run}-{t.Worker}", Home(t), "帮助", true, c), "注册")),
            new("我的任务", Yardstick.ReadEcho, (s, t, c) =>
                Expect(s.SayAsync(Contact(t).UserId, Home(t), "我的任务", true, c), Contact(t).Department)),
            new("任务 <n>", Yardstick.ReadEcho, (s, t, c) =>
            {
                var n = cast.TaskNumbers[(t.Worker * 7 + t.Iteration) % cast.TaskNumbers.Count];
                return Expect(s.SayAsync(Contact(t).UserId, Home(t), $"任务 {n}", true, c), $"第 {n} 项");
            }),
            new("report, answer by answer", Yardstick.WriteEcho, async (s, t, c) =>
            {
                var (user, _, _) = Contact(t);
                var n = LeadTask(t);
                await Expect(s.SayAsync(user, t.Conversation, $"汇报 {n}", true, c), "请选择本季度进展状态");
                await Expect(s.SayAsync(user, t.Conversation, "按计划推进", true, c), "进展情况");
                await Expect(s.SayAsync(user, t.Conversation, $"完成调研 {t.Run}-{t.Worker}-{t.Iteration}，起草了实施办法", true, c), "存在问题");
                await Expect(s.SayAsync(user, t.Conversation, "无", true, c), "下一步");
                await Expect(s.SayAsync(user, t.Conversation, "报审实施办法", true, c), "百分比");
                await Expect(s.SayAsync(user, t.Conversation, "无", true, c), "佐证");
                await Expect(s.SayAsync(user, t.Conversation, "无", true, c), $"请核对第 {n} 项");
                await Expect(s.SayAsync(user, t.Conversation, "确认", true, c), "保存");
            }),
            new("确认 alone", Yardstick.WriteEcho,
                (s, t, c) => Expect(s.SayAsync(Contact(t).UserId, t.Conversation, "确认", true, c), "保存"),
                Prepare: (s, t, c) => Expect(s.SayAsync(Contact(t).UserId, t.Conversation, Labelled(LeadTask(t), t), false, c), $"请核对第 {LeadTask(t)} 项")),
            new("one-message report + 确认", Yardstick.WriteEcho, async (s, t, c) =>
            {
                var n = LeadTask(t);
                await Expect(s.SayAsync(Contact(t).UserId, t.Conversation, Labelled(n, t), true, c), $"请核对第 {n} 项");
                await Expect(s.SayAsync(Contact(t).UserId, t.Conversation, "确认", true, c), "保存");
            }),
            new("周报 (office)", Yardstick.ReadEcho, (s, t, c) =>
                Expect(s.SayAsync(Office(t), Home(t), "周报", true, c), "")),
            new("逾期 (office)", Yardstick.ReadEcho, (s, t, c) =>
                Expect(s.SayAsync(Office(t), Home(t), "逾期", true, c), "")),
        ];
    }

    private static string Labelled(int task, Turn t) =>
        $"汇报 {task}\n状态：按计划推进\n进展：第 {task} 项完成调研 {t.Run}-{t.Worker}-{t.Iteration}，起草了实施办法\n问题：无\n下一步：报审实施办法";

    /// <summary>A turn that did not answer as expected is not the turn being measured: stop the run.</summary>
    private static async Task Expect(Task<string> reply, string contains)
    {
        var text = await reply;
        if (text.Length == 0 || !text.Contains(contains, StringComparison.Ordinal))
            throw new BenchmarkException($"Expected “{contains}” in the reply, got “{text.ReplaceLineEndings(" ")}”.");
    }
}
