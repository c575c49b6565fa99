using System.Collections.Immutable;
using Sixgill.Values;

namespace Sixgill.Machine;

/// <summary>A table of the node's nftables ruleset, as far as Sixgill reads it: which source networks it masquerades.</summary>
internal sealed record NftTable(string Family, string Name, ImmutableArray<Prefix> Masquerades)
{
    /// <summary>The family of the one table that is Sixgill's (the NAT64 pool's NAT44).</summary>
    public const string SixgillFamily = "ip";

    /// <summary>The name of the one table that is Sixgill's: the only one Sixgill ever deletes.</summary>
    public const string SixgillName = "sixgill";
}

/// <summary>
/// The node's nftables ruleset, one whole table at a time: Sixgill only ever adds, replaces and
/// deletes its own table, and never flushes anything.
/// </summary>
internal interface INftables
{
    /// <summary>
    /// The table as the kernel has it; null when there is none of that family and name. Right after a
    /// <see cref="Load"/> that made the table anew, the answer may be the kernel's own account of that
    /// load (what it created, as it created it) instead of a second listing.
    /// </summary>
    NftTable? FindTable(string family, string name);

    /// <summary>Loads a ruleset (<c>nft -f -</c>) in one transaction: all of it, or nothing.</summary>
    void Load(string ruleset);

    /// <summary>Deletes the table with its chains and rules; false when there was no such table.</summary>
    bool DeleteTable(string family, string name);
}
