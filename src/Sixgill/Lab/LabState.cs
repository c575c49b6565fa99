using System.Text.Json.Serialization;

namespace Sixgill.Lab;

/// <summary>
/// What a lab's making process records in <see cref="LabNames.StateFile"/> for the processes that
/// come later (<c>lab status</c>, <c>lab exec</c>, <c>lab down</c>): its nodes, where its config came
/// from and where the nodes read it, its daemons, and who removes it.
/// </summary>
/// <param name="ConfigSource">The config the lab was made from, as the user named it (or the built-in one).</param>
/// <param name="NodeConfig">The copy every node reads (<see cref="LabNames.NodeConfig"/>).</param>
/// <param name="Machines">How its systemd nodes boot (again, at a reboot); null for namespace nodes.</param>
/// <param name="Owner">The process that removes the lab when done; null when the lab is kept up.</param>
internal sealed record LabState(
    int Version,
    string Lab,
    string ConfigSource,
    string NodeConfig,
    LabOwner? Owner,
    IReadOnlyList<LabNodeSpec> Nodes,
    bool WithInternet,
    IReadOnlyList<LabDaemon> Daemons,
    bool WithAccess = false,
    LabMachines? Machines = null)
{
    public const int CurrentVersion = 1;

    [JsonIgnore]
    public LabSpec Spec => new(Lab, Nodes, WithInternet, WithAccess: WithAccess, Machines: Machines);
}
