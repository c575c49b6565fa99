namespace Sixgill.Lab;

/// <summary>One command of a lab's setup, with what it is for (said in the error if it fails).</summary>
internal sealed record LabSetupCommand(string Purpose, IReadOnlyList<string> Command)
{
    /// <summary>
    /// For a step that is a shell script (<see cref="LabShellScript"/>): the commands it runs, in
    /// order, each as the command that would do the same on its own (a command inside a node's
    /// mounts wrapped in its <c>nsenter</c>). Empty for a plain command.
    /// </summary>
    public IReadOnlyList<LabSetupCommand> Parts { get; init; } = [];

    /// <summary>
    /// The change this step makes over rtnetlink from inside the process (<see cref="LabNetlink"/>),
    /// <see cref="Command"/> being the <c>ip</c> or <c>sysctl</c> command that would make the same;
    /// null for a step that runs its command.
    /// </summary>
    public LabNetworkChange? Change { get; init; }

    /// <summary>
    /// The change this step makes to the machine's files from inside the process (inside the lab's
    /// work directory), <see cref="Command"/> being the command that would make the same; null for a
    /// step that runs its command.
    /// </summary>
    public LabFileChange? FileChange { get; init; }

    /// <summary>The commands this step amounts to: its parts, or itself.</summary>
    public IEnumerable<LabSetupCommand> Flattened => Parts.Count > 0 ? Parts : [this];
}

/// <summary>
/// Commands of a lab's setup that may run side by side: each sequence in its order, the sequences
/// at the same time (the nodes of a lab, which touch nothing of each other's).
/// </summary>
internal sealed record LabSetupStage(IReadOnlyList<IReadOnlyList<LabSetupCommand>> Sequences);
