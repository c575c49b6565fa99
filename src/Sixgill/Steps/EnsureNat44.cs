using Sixgill.Machine;
using Sixgill.Values;

namespace Sixgill.Steps;

/// <summary>
/// The NAT44 of the NAT64 pool (docs/gateway.md): Sixgill's own nftables table <c>ip sixgill</c>,
/// masquerading <paramref name="Pool"/>, loaded whole from <paramref name="Ruleset"/> and deleted
/// whole at undo. No other table, chain or rule of the node is read for a decision, changed or flushed.
/// </summary>
/// <param name="Ruleset">The rendered ruleset (the gateway's NAT44 ruleset): it replaces the table in one transaction.</param>
internal sealed record EnsureNat44(Prefix Pool, string Ruleset) : Step
{
    public override string Id => $"nftables:{NftTable.SixgillFamily} {NftTable.SixgillName}";

    public override string Description => $"nftables table {NftTable.SixgillFamily} {NftTable.SixgillName} masquerading {Pool}";

    public override ProbeResult Probe(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var table = context.RequireServices().Nftables.FindTable(NftTable.SixgillFamily, NftTable.SixgillName);
        if (table is null)
        {
            return ProbeResult.Absent();
        }

        return table.Masquerades.SequenceEqual([Pool])
            ? ProbeResult.Present
            : ProbeResult.Different(table.Masquerades.IsEmpty ? "it masquerades nothing" : $"it masquerades {string.Join(", ", table.Masquerades)}");
    }

    public override Undo PrepareUndo(StepContext context) => new DeleteNftTable(NftTable.SixgillFamily, NftTable.SixgillName);

    public override void Apply(StepContext context, Undo undo)
    {
        ArgumentNullException.ThrowIfNull(context);
        _ = Expect<DeleteNftTable>(undo);
        context.RequireServices().Nftables.Load(Ruleset);
    }

    public override Undo? FindUndo(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequireServices().Nftables.FindTable(NftTable.SixgillFamily, NftTable.SixgillName) is null
            ? null
            : new DeleteNftTable(NftTable.SixgillFamily, NftTable.SixgillName);
    }
}

/// <summary>
/// Deletes Sixgill's nftables table with everything in it. The table's name is Sixgill's alone, so
/// whatever it holds is Sixgill's; nothing outside it is touched.
/// </summary>
internal sealed record DeleteNftTable(string Family, string Name) : Undo
{
    public override string Describe() => $"delete nftables table {Family} {Name}";

    public override UndoOutcome Revert(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Name != NftTable.SixgillName)
        {
            // The journal is a file: whatever it says, only Sixgill's own table is ever deleted.
            throw new InvalidOperationException($"refusing to delete nftables table {Family} {Name}: only table {NftTable.SixgillName} is Sixgill's");
        }

        // Deleted at once (no listing first): nft's "No such file or directory" says it was gone.
        return context.RequireServices().Nftables.DeleteTable(Family, Name)
            ? UndoOutcome.Reverted($"deleted table {Family} {Name}")
            : UndoOutcome.NothingToDo($"table {Family} {Name} is gone");
    }
}
