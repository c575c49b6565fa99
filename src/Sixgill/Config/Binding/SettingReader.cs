using System.Globalization;
using Sixgill.Values;

namespace Sixgill.Config.Binding;

/// <summary>
/// Turns the text of one setting into a typed value, or into a diagnostic at that value. Every key of
/// every section (and of every node, under <c>topology.&lt;name&gt;.&lt;key&gt;</c>) goes through
/// here, so that the same mistake reads the same whichever key it is made in.
/// </summary>
internal sealed class SettingReader(ConfigDocument document, List<Diagnostic> diagnostics)
{
    public ConfigDocument Document => document;

    public List<Diagnostic> Diagnostics => diagnostics;

    /// <summary>The key appears in the file (with or without a usable value).</summary>
    public bool IsWritten(string path) => document.IsWritten(path);

    /// <summary>Where the key itself stands, for mistakes that are about its presence.</summary>
    public SourcePosition? KeyPosition(string path) =>
        document.Get(path)?.KeyPosition ?? (document.EmptyKeys.TryGetValue(path, out var at) ? at : null);

    /// <summary>An optional key's value: <paramref name="fallback"/> when absent, null when written wrong (reported).</summary>
    public T? Optional<T>(string path, Func<string, Located<T>?> read, T fallback)
        where T : struct =>
        document.Has(path) ? read(path)?.Value : fallback;

    public Located<string>? Text(string path) =>
        document.Get(path) is { } value ? new Located<string>(value.Text, value.Position, path) : null;

    public Located<int>? Integer(string path)
    {
        if (Text(path) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return text.With(number);
        }

        var digits = text.Value.TrimStart('-', '+');
        diagnostics.Error(DiagnosticCodes.WrongType, text.Position,
            digits.Length > 0 && digits.All(char.IsAsciiDigit)
                ? $"{path} is {text.Value}, beyond what any setting here can hold"
                : $"{path} must be a whole number, not \"{text.Value}\"",
            "write it in digits, like 3");
        return null;
    }

    public Located<bool>? Boolean(string path)
    {
        if (Text(path) is not { } text)
        {
            return null;
        }

        // YAML 1.2 booleans only: "yes"/"no"/"on" are YAML 1.1 and mean a string to most readers today.
        if (bool.TryParse(text.Value, out var flag))
        {
            return text.With(flag);
        }

        diagnostics.Error(DiagnosticCodes.WrongType, text.Position,
            $"{path} must be true or false, not \"{text.Value}\"", "write true or false");
        return null;
    }

    /// <summary>One word out of a fixed set (<c>mode</c>, <c>plugin</c>, …), with the nearest one suggested.</summary>
    public Located<T>? Choice<T>(string path, IReadOnlyList<(string Word, T Value)> choices)
    {
        if (Text(path) is not { } text)
        {
            return null;
        }

        foreach (var (word, value) in choices)
        {
            if (word == text.Value)
            {
                return text.With(value);
            }
        }

        var words = choices.Select(c => c.Word).ToList();
        var nearest = Suggestions.Nearest(text.Value, words);
        diagnostics.Error(DiagnosticCodes.InvalidChoice, text.Position,
            $"{path} must be one of {string.Join(", ", words)}, not \"{text.Value}\"",
            nearest is null ? null : $"did you mean \"{nearest}\"?");
        return null;
    }

    /// <summary>An IP address of the family <paramref name="need"/> asks for (any when null).</summary>
    public Located<Ip>? Address(string path, FamilyNeed? need, string invalidCode = DiagnosticCodes.InvalidAddress)
    {
        if (Text(path) is not { } text)
        {
            return null;
        }

        if (!Ip.TryParse(text.Value, out var ip))
        {
            diagnostics.Error(invalidCode, text.Position, $"{path} must be an IP address, not \"{text.Value}\"",
                text.Value.Contains('/', StringComparison.Ordinal) ? "write the address without a /length" : null);
            return null;
        }

        return HasFamily(text, ip.Family, need, "address") ? text.With(ip) : null;
    }

    /// <summary>
    /// A network in CIDR form of the family <paramref name="need"/> asks for (any when null), with no host
    /// bits set: <c>fd00:10::5/64</c> is refused with <c>fd00:10::/64</c> suggested.
    /// </summary>
    public Located<Prefix>? Network(string path, FamilyNeed? need)
    {
        if (Text(path) is not { } text)
        {
            return null;
        }

        var outcome = Prefix.TryParse(text.Value, out var prefix);
        if (outcome == Prefix.ParseOutcome.Invalid)
        {
            diagnostics.Error(DiagnosticCodes.InvalidNetwork, text.Position,
                $"{path} must be a network written address/length, not \"{text.Value}\"",
                Ip.TryParse(text.Value, out var ip) ? $"add the prefix length, like {ip}/{(ip.IsV6 ? 64 : 24)}" : null);
            return null;
        }

        if (!HasFamily(text, prefix.Family, need, "network"))
        {
            return null;
        }

        if (outcome == Prefix.ParseOutcome.HostBitsSet)
        {
            ReportHostBits(text, prefix.ToString());
            return null;
        }

        return text.With(prefix);
    }

    /// <summary>SG011 at <paramref name="written"/>, suggesting the network it lies in.</summary>
    public void ReportHostBits(Located<string> written, string meant) =>
        diagnostics.Error(DiagnosticCodes.HostBitsSet, written.Position,
            $"{written.Key} has host bits set: \"{written.Value}\" is not the start of a network",
            $"did you mean {meant}?");

    /// <summary>True when <paramref name="actual"/> is the family needed; otherwise reports SG010 at the value.</summary>
    public bool HasFamily<T>(Located<T> written, IpFamily actual, FamilyNeed? need, string thing)
    {
        if (need is not { } wanted || wanted.Family == actual)
        {
            return true;
        }

        diagnostics.Error(DiagnosticCodes.WrongFamily, written.Position,
            $"{written.Key} must be an {FamilyNeed.Name(wanted.Family)} {thing}{wanted.Because}, not \"{written.Value}\"",
            wanted.Fix);
        return false;
    }

    /// <summary>
    /// SG006 unless <paramref name="path"/> has a value: at the key when it is written without one, else at
    /// its section (or node), else at the top of the file; nothing when the reader already reported a wrong
    /// shape there. <paramref name="why"/> follows "is missing"; <paramref name="orElse"/> names another way
    /// to write it (Orca's form).
    /// </summary>
    public void Require(string path, string why = "", string? orElse = null)
    {
        if (document.Has(path) || document.IsMisshapen(path))
        {
            return;
        }

        var container = ContainerOf(path);
        var at = container is null ? SourcePosition.Start : document.Sections[container];
        var leaf = container is null ? path : path[(container.Length + 1)..];
        var add = orElse is null ? $"\"{leaf}:\"" : $"\"{leaf}:\" ({orElse})";
        string hint;
        if (document.EmptyKeys.TryGetValue(path, out var keyAt))
        {
            at = keyAt;
            hint = $"give {leaf} a value";
        }
        else if (container is not null)
        {
            hint = $"add {add} under \"{ShownName(container)}:\"";
        }
        else
        {
            var dot = path.IndexOf('.', StringComparison.Ordinal);
            hint = dot > 0 ? $"add a \"{path[..dot]}:\" section with {add}" : $"add {add} at the top level";
        }

        diagnostics.Error(DiagnosticCodes.MissingKey, at, $"{path} is missing{why}", hint);
    }

    /// <summary>
    /// SG006 for <paramref name="path"/>, one half of a pair, at the line of <paramref name="partner"/>, the
    /// half that is written and needs it (<c>prefix_size</c> without <c>prefix</c>, …); as
    /// <see cref="Require"/> does when the partner is not written either, or the key is written empty.
    /// </summary>
    public void RequirePartner(string path, string partner, string? orElse = null)
    {
        if (document.Has(path) || document.IsMisshapen(path) || document.EmptyKeys.ContainsKey(path)
            || KeyPosition(partner) is not { } at)
        {
            Require(path, "", orElse is null ? null : $"or {orElse}");
            return;
        }

        var leaf = path[(path.LastIndexOf('.') + 1)..];
        var partnerLeaf = partner[(partner.LastIndexOf('.') + 1)..];
        diagnostics.Error(DiagnosticCodes.MissingKey, at, $"{path} is missing: {partner} needs it",
            $"add \"{leaf}:\" beside \"{partnerLeaf}:\"{(orElse is null ? "" : $", or write {orElse}")}");
    }

    /// <summary>
    /// True when the section is in the file. A missing one is reported once (SG006 at the top of the file,
    /// or on the line of the key that needs it) instead of once per key in it.
    /// </summary>
    /// <param name="neededBy">The key that needs the section, where it is written (<c>general.mode</c>): the diagnostic stands on its line.</param>
    public bool RequireSection(string section, string why, string keys, string? neededBy = null)
    {
        if (document.Sections.ContainsKey(section) || document.IsMisshapen(section))
        {
            return true;
        }

        var at = neededBy is null ? null : KeyPosition(neededBy);
        diagnostics.Error(DiagnosticCodes.MissingKey, at ?? SourcePosition.Start, $"{section} is missing{why}",
            $"add a \"{section}:\" section with {keys}");
        return false;
    }

    /// <summary>The longest section or node path that holds <paramref name="path"/> and is in the file.</summary>
    private string? ContainerOf(string path)
    {
        for (var dot = path.LastIndexOf('.'); dot > 0; dot = path.LastIndexOf('.', dot - 1))
        {
            if (document.Sections.ContainsKey(path[..dot]))
            {
                return path[..dot];
            }
        }

        return null;
    }

    private static string ShownName(string container) =>
        container.StartsWith(ConfigSchema.Topology + ".", StringComparison.Ordinal)
            ? container[(ConfigSchema.Topology.Length + 1)..]
            : container;
}
