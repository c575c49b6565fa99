namespace Sixgill.Machine;

/// <summary>Who a file Sixgill writes for a person belongs to (their kubeconfig), as numbers.</summary>
internal sealed record FileOwner(uint Uid, uint Gid)
{
    public override string ToString() => $"{Uid}:{Gid}";
}
