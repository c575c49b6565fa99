namespace Sixgill.Docker;

/// <summary>What to do with an existing container or network so that it matches its spec.</summary>
internal enum DriftAction
{
    /// <summary>Nothing of that name exists: create it.</summary>
    Create,

    /// <summary>It exists and is right: leave it alone (and never undo it: Sixgill did not add it this run).</summary>
    Keep,

    /// <summary>It is Sixgill's but wrong or stopped: remove it and create it anew.</summary>
    Replace,

    /// <summary>Something of that name exists that Sixgill did not create: touch nothing, ask the user.</summary>
    Foreign,
}

/// <summary>The outcome of a comparison, with every difference in words (for plan output and logs).</summary>
internal sealed record DriftVerdict(DriftAction Action, IReadOnlyList<string> Reasons)
{
    public static DriftVerdict Create { get; } = new(DriftAction.Create, ["it does not exist"]);

    public static DriftVerdict Keep { get; } = new(DriftAction.Keep, []);

    public override string ToString() => Reasons.Count == 0 ? Action.ToString() : $"{Action}: {string.Join("; ", Reasons)}";
}
