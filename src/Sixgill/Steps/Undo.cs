using System.Text.Json.Serialization;

namespace Sixgill.Steps;

/// <summary>
/// How to take one change back, recorded in the journal <em>before</em> the change is made. It holds
/// everything undo needs (the previous value, the lines disabled, where the backup is), so a new
/// process can undo it after a crash without the step or the config. It never holds a secret: file
/// contents appear only as hashes.
/// </summary>
/// <remarks>
/// <see cref="Revert"/> must be safe whether the change happened, half happened, or never happened
/// (the process may have died between writing the intent and applying it), and it touches only what
/// is still as Sixgill left it. The list below is the journal's vocabulary: a new kind of undo is
/// added here, with a name that never changes once released.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(RevertAddress), "address")]
[JsonDerivedType(typeof(RevertRoute), "route")]
[JsonDerivedType(typeof(RevertSysctl), "sysctl")]
[JsonDerivedType(typeof(RestoreFile), "file")]
[JsonDerivedType(typeof(RevertLineEdit), "lines")]
[JsonDerivedType(typeof(UndoWithRestart), "restart")]
[JsonDerivedType(typeof(RemoveLink), "link")]
[JsonDerivedType(typeof(RemoveDirectory), "directory")]
[JsonDerivedType(typeof(DeleteNftTable), "nftables")]
[JsonDerivedType(typeof(StopDaemon), "daemon")]
[JsonDerivedType(typeof(ReloadProfileAfter), "apparmor")]
[JsonDerivedType(typeof(RemoveSystemdService), "unit")]
[JsonDerivedType(typeof(RevertCniConfig), "cni")]
[JsonDerivedType(typeof(ResetKubeadm), "kubeadm")]
[JsonDerivedType(typeof(RemoveDockerNetwork), "docker-network")]
[JsonDerivedType(typeof(RemoveContainer), "container")]
[JsonDerivedType(typeof(UnloadKernelModule), "module")]
internal abstract record Undo
{
    /// <summary>What undoing does, for people: <c>remove fd00:20::2/64 from eth0</c>.</summary>
    public abstract string Describe();

    public abstract UndoOutcome Revert(StepContext context);
}
