namespace Sixgill.Lab;

/// <summary>What a lab node is made of.</summary>
internal enum LabNodeKind
{
    /// <summary>Network, mount and UTS namespaces over the machine's own files: fast, no init, no distribution daemons.</summary>
    Namespace,

    /// <summary>A small Debian machine: its own disk (an overlay on a cached root) and a real systemd as its PID 1 (systemd-nspawn).</summary>
    Systemd,
}

/// <summary>The names of <see cref="LabNodeKind"/> on the command line and in <c>lab status</c>.</summary>
internal static class LabNodeKinds
{
    public static string Name(LabNodeKind kind) => kind == LabNodeKind.Systemd ? "systemd" : "namespace";

    public static LabNodeKind? Parse(string text) => text switch
    {
        "namespace" => LabNodeKind.Namespace,
        "systemd" => LabNodeKind.Systemd,
        _ => null,
    };
}
