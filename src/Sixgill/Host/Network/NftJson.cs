using System.Collections.Immutable;
using System.Text.Json;
using Sixgill.Machine;
using Sixgill.Values;

namespace Sixgill.Host.Network;

/// <summary>Reads the JSON of <c>nft -j list table</c> and of <c>nft -e -j -f</c>'s echo. Pure, so it is tested against captured output.</summary>
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

    /// <summary>
    /// The tables a load made anew, from its echo (<c>nft -e -j -f</c>: <c>{"add": {"table": …}}</c>,
    /// <c>{"add": {"rule": …}}</c>, … in the kernel's order), each with the sources its rules
    /// masquerade. Only a table whose creation is in the echo is whole there; one the echo only added
    /// to, or changed otherwise (a delete, a replace), is left out, and so is one without a kernel
    /// handle (not from the kernel). Empty when the text is not such an echo.
    /// </summary>
    public static IReadOnlyList<NftTable> Created(string json)
    {
        var tables = new Dictionary<string, NftTable>(StringComparer.Ordinal);
        var unsure = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(json);
            foreach (var item in document.RootElement.GetProperty("nftables").EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || item.EnumerateObject().FirstOrDefault() is not { Value.ValueKind: JsonValueKind.Object } change
                    || change.Value.EnumerateObject().FirstOrDefault() is not { Value.ValueKind: JsonValueKind.Object } made)
                {
                    continue; // metainfo and the like
                }

                var isTable = made.Name == "table";
                var family = made.Value.TryGetProperty("family", out var f) ? f.GetString() ?? "" : "";
                var name = made.Value.TryGetProperty(isTable ? "name" : "table", out var n) ? n.GetString() ?? "" : "";
                var key = $"{family} {name}";
                switch (change.Name, made.Name)
                {
                    case ("add", "table"):
                        tables[key] = new NftTable(family, name, []);
                        if (!made.Value.TryGetProperty("handle", out var handle) || handle.ValueKind != JsonValueKind.Number || handle.GetInt64() <= 0)
                        {
                            unsure.Add(key);
                        }
                        else
                        {
                            unsure.Remove(key);
                        }

                        break;
                    case ("add" or "insert", "rule"):
                        if (tables.TryGetValue(key, out var table) && made.Value.TryGetProperty("expr", out var expressions) && MasqueradedSource(expressions) is { } source)
                        {
                            tables[key] = table with { Masquerades = table.Masquerades.Add(source) };
                        }

                        break;
                    case ("add", _):
                        break; // a chain, a set: nothing Sixgill reads
                    case ("delete" or "destroy", "table"):
                        tables.Remove(key);
                        break;
                    default:
                        unsure.Add(key);
                        break;
                }
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return [];
        }

        return [.. tables.Where(t => !unsure.Contains(t.Key)).Select(t => t.Value)];
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
