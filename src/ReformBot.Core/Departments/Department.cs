namespace ReformBot.Core.Departments;

/// <summary>
/// A department that leads or supports tasks. <see cref="Name"/> is the canonical short name used
/// everywhere (科技厅); <see cref="Aliases"/> are other names the plan or users may use (科学技术厅).
/// </summary>
public sealed record Department(string Name, string? FullName, IReadOnlyList<string> Aliases)
{
    /// <summary>Every name this department answers to: canonical name, full name and aliases.</summary>
    public IEnumerable<string> AllNames =>
        new[] { Name }.Concat(FullName is null ? [] : [FullName]).Concat(Aliases);

    public bool SameAs(Department other) =>
        Name == other.Name && FullName == other.FullName && Aliases.SequenceEqual(other.Aliases);
}
