namespace Sixgill.Lab;

/// <summary>
/// Wraps an argument vector in <c>nsenter</c> so it runs inside a lab namespace. A .NET process
/// cannot switch its own mount namespace (setns(CLONE_NEWNS) refuses multi-threaded callers), so
/// every command in a node is a child process started this way.
/// </summary>
internal static class NamespaceCommand
{
    /// <summary>Inside a node: its network, mount and UTS namespaces (its interfaces, its /etc, its hostname).</summary>
    public static IReadOnlyList<string> InNode(LabNodeLayout node, IReadOnlyList<string> command)
    {
        ArgumentNullException.ThrowIfNull(node);
        return
        [
            "nsenter",
            $"--net={LabNames.NetnsPath(node.Namespace)}",
            $"--mount={node.MountNamespaceFile}",
            $"--uts={node.UtsNamespaceFile}",
            "--",
            .. command,
        ];
    }

    /// <summary>Inside a node's mount and UTS namespaces only: for building its file system before its network is wired.</summary>
    public static IReadOnlyList<string> InNodeMounts(LabNodeLayout node, IReadOnlyList<string> command)
    {
        ArgumentNullException.ThrowIfNull(node);
        return ["nsenter", $"--mount={node.MountNamespaceFile}", $"--uts={node.UtsNamespaceFile}", "--", .. command];
    }

    /// <summary>Inside a network namespace only; the file system stays the machine's.</summary>
    public static IReadOnlyList<string> InNetwork(string namespaceName, IReadOnlyList<string> command) =>
        ["nsenter", $"--net={LabNames.NetnsPath(namespaceName)}", "--", .. command];
}
