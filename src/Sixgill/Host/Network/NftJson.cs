using System.Collections.Immutable;
using System.Text.Json;
using Sixgill.Machine;
using Sixgill.Values;

namespace Sixgill.Host.Network;

/// <summary>Reads the JSON of <c>nft -j list table</c>. Pure, so it is tested against captured output.</summary>
internal static class NftJson
{
    /// <summary>The table in the listing, with the sources its rules masquerade (<c>ip saddr P masquerade</c>); null when absent.</summary>
    public static NftTable? Table(string json)
    {
        using var document = JsonDocument.Parse(json);
        NftTable? table = null;
        var masquerades = ImmutableArray.CreateBuilder<Prefix>();
        foreach (var item in document.RootElement.GetProperty("nftables").EnumerateArray())
        {
            if (item.TryGetProperty("table", out var t))
            {
                table = new NftTable(t.GetProperty("family").GetString() ?? "", t.GetProperty("name").GetString() ?? "", []);
            }
            else if (item.TryGetProperty("rule", out var rule) && rule.TryGetProperty("expr", out var expressions) && MasqueradedSource(expressions) is { } source)
            {
                masquerades.Add(source);
            }
        }

        return table is null ? null : table with { Masquerades = masquerades.ToImmutable() };
    }

    // [{"match": {"op": "==", "left": {"payload": {"protocol": "ip", "field": "saddr"}}, "right": {"prefix": {"addr": A, "len": L}}}}, {"masquerade": null}]
    private static Prefix? MasqueradedSource(JsonElement expressions)
    {
        Prefix? source = null;
        var masquerade = false;
        foreach (var expression in expressions.EnumerateArray())
        {
            if (expression.TryGetProperty("masquerade", out _))
            {
                masquerade = true;
            }
            else if (expression.TryGetProperty("match", out var match) && IsSourceAddress(match) && match.TryGetProperty("right", out var right))
            {
                source = Network(right);
            }
        }

        return masquerade ? source : null;
    }

    private static bool IsSourceAddress(JsonElement match) =>
        match.TryGetProperty("op", out var op) && op.GetString() == "=="
        && match.TryGetProperty("left", out var left) && left.TryGetProperty("payload", out var payload)
        && payload.TryGetProperty("field", out var field) && field.GetString() == "saddr";

    private static Prefix? Network(JsonElement right)
    {
        if (right.ValueKind == JsonValueKind.String && Ip.TryParse(right.GetString(), out var single))
        {
            return new Prefix(single, single.Width);
        }

        return right.ValueKind == JsonValueKind.Object && right.TryGetProperty("prefix", out var prefix)
            && Ip.TryParse(prefix.GetProperty("addr").GetString(), out var address)
            ? Prefix.Containing(address, prefix.GetProperty("len").GetInt32())
            : null;
    }
}
