using System.Collections.Immutable;
using System.Text.Json;
using Sixgill.Machine;
using Sixgill.Steps;
using Sixgill.Steps.Text;
using Sixgill.Values;

namespace Sixgill.Engine;

/// <summary>
/// The journal's vocabulary: every kind of <see cref="Undo"/>, the name the journal records it under
/// (its <c>kind</c> field, first) and its fields, written and read by hand. A new kind of undo is
/// added to <see cref="Kinds"/>; a name never changes once released. Addresses, prefixes and modes
/// are written as people write them (<c>"fd00:20::2/64"</c>, <c>"0640"</c>), so the journal reads
/// like a log.
/// </summary>
/// <remarks>
/// Written by hand rather than by System.Text.Json's serializer: its metadata is built by reflection
/// in every process that opens a journal (about 200 of a prepare's 850 page faults). The bytes are
/// the serializer's, field for field, so journals of earlier releases read the same.
/// </remarks>
internal static class UndoJson
{
    /// <summary>Every kind of undo.</summary>
    public static IReadOnlyList<UndoKind> Kinds { get; } =
    [
        new UndoKind<RevertAddress>(
            "address",
            (w, u) =>
            {
                w.WriteString("interface", u.Interface);
                w.WriteString("address", u.Address.ToString());
                w.WriteBoolean("addressWasThere", u.AddressWasThere);
                w.WriteString("replaced", u.Replaced?.ToString());
                w.WriteBoolean("linkWasDown", u.LinkWasDown);
            },
            o => new RevertAddress(
                o.String("interface"), o.Text("address", InterfaceAddress.Parse), o.Bool("addressWasThere"),
                o.NullableText("replaced", InterfaceAddress.Parse), o.Bool("linkWasDown"))),
        new UndoKind<RevertRoute>(
            "route",
            (w, u) =>
            {
                WriteObject(w, "route", u.Route, WriteRoute);
                WriteObject(w, "replaced", u.Replaced, WriteRoute);
            },
            o => new RevertRoute(o.Object("route", ReadRoute), o.NullableObject("replaced", ReadRoute))),
        new UndoKind<RevertSysctl>(
            "sysctl",
            (w, u) =>
            {
                w.WriteString("key", u.Key);
                w.WriteString("previous", u.Previous);
                w.WriteString("applied", u.Applied);
            },
            o => new RevertSysctl(o.String("key"), o.NullableString("previous"), o.String("applied"))),
        new UndoKind<RestoreFile>("file", WriteFile, ReadFile),
        new UndoKind<RevertLineEdit>("lines", WriteLines, ReadLines),
        new UndoKind<UndoWithRestart>(
            "restart",
            (w, u) =>
            {
                w.WritePropertyName("change");
                Write(w, u.Change);
                w.WriteString("unit", u.Unit);
            },
            o => new UndoWithRestart(o.Object("change", Read), o.String("unit"))),
        new UndoKind<RemoveLink>(
            "link",
            (w, u) =>
            {
                w.WriteString("name", u.Name);
                w.WriteBoolean("created", u.Created);
                w.WriteString("addedAddress", u.AddedAddress?.ToString());
                w.WriteBoolean("linkWasDown", u.LinkWasDown);
            },
            o => new RemoveLink(o.String("name"), o.Bool("created"), o.NullableText("addedAddress", InterfaceAddress.Parse), o.Bool("linkWasDown"))),
        new UndoKind<RemoveDirectory>(
            "directory",
            (w, u) =>
            {
                w.WriteString("path", u.Path);
                WriteStrings(w, "created", u.Created);
                WriteObject(w, "previous", u.Previous, (w, p) =>
                {
                    w.WriteString("mode", FileModes.Octal(p.Mode));
                    w.WriteNumber("uid", p.Uid);
                    w.WriteNumber("gid", p.Gid);
                });
                w.WriteBoolean("withFiles", u.WithFiles);
            },
            o => new RemoveDirectory(
                o.String("path"),
                o.Strings("created"),
                o.NullableObject("previous", p => new DirectoryOwnership(p.Text("mode", ParseMode), p.UInt32("uid"), p.UInt32("gid"))),
                o.Bool("withFiles"))),
        new UndoKind<DeleteNftTable>(
            "nftables",
            (w, u) =>
            {
                w.WriteString("family", u.Family);
                w.WriteString("name", u.Name);
            },
            o => new DeleteNftTable(o.String("family"), o.String("name"))),
        new UndoKind<StopDaemon>(
            "daemon",
            (w, u) =>
            {
                w.WriteString("program", u.Program);
                w.WriteString("config", u.Config);
                w.WriteString("pidFile", u.PidFile);
                w.WriteBoolean("wasRunning", u.WasRunning);
            },
            o => new StopDaemon(o.String("program"), o.String("config"), o.String("pidFile"), o.Bool("wasRunning"))),
        new UndoKind<ReloadProfileAfter>(
            "apparmor",
            (w, u) =>
            {
                WriteObject(w, "lines", u.Lines, WriteLines);
                w.WriteString("profile", u.Profile);
            },
            o => new ReloadProfileAfter(o.Object("lines", ReadLines), o.String("profile"))),
        new UndoKind<RemoveSystemdService>(
            "unit",
            (w, u) =>
            {
                w.WriteString("unit", u.Unit);
                WriteObject(w, "file", u.File, WriteFile);
                w.WriteBoolean("wasEnabled", u.WasEnabled);
                w.WriteBoolean("wasActive", u.WasActive);
            },
            o => new RemoveSystemdService(o.String("unit"), o.NullableObject("file", ReadFile), o.Bool("wasEnabled"), o.Bool("wasActive"))),
        new UndoKind<RevertCniConfig>(
            "cni",
            (w, u) =>
            {
                WriteObject(w, "file", u.File, WriteFile);
                w.WriteString("bridge", u.Bridge);
                w.WriteBoolean("bridgeExisted", u.BridgeExisted);
            },
            o => new RevertCniConfig(o.Object("file", ReadFile), o.NullableString("bridge"), o.Bool("bridgeExisted"))),
        new UndoKind<ResetKubeadm>("kubeadm", (_, _) => { }, _ => new ResetKubeadm()),
        new UndoKind<RemoveDockerNetwork>("docker-network", (w, u) => w.WriteString("name", u.Name), o => new RemoveDockerNetwork(o.String("name"))),
        new UndoKind<RemoveContainer>("container", (w, u) => w.WriteString("name", u.Name), o => new RemoveContainer(o.String("name"))),
        new UndoKind<UnloadKernelModule>(
            "module",
            (w, u) =>
            {
                w.WriteString("module", u.Module);
                w.WriteString("marker", u.Marker);
            },
            o => new UnloadKernelModule(o.String("module"), o.String("marker"))),
    ];

    /// <summary>Writes <paramref name="undo"/> as one object, its <c>kind</c> first.</summary>
    public static void Write(Utf8JsonWriter writer, Undo undo)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(undo);
        foreach (var kind in Kinds)
        {
            if (kind.Writes(undo))
            {
                writer.WriteStartObject();
                writer.WriteString("kind", kind.Name);
                kind.WriteFields(writer, undo);
                writer.WriteEndObject();
                return;
            }
        }

        throw new InvalidOperationException($"{undo.GetType().Name} is not a kind of undo the journal knows; add it to UndoJson.Kinds");
    }

    /// <summary>Reads an undo object by its <c>kind</c>; an unknown kind is refused.</summary>
    public static Undo Read(JournalObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var name = value.Kind();
        foreach (var kind in Kinds)
        {
            if (kind.Name == name)
            {
                return kind.ReadFields(value);
            }
        }

        throw new JsonException($"the undo kind '{name}' is not one this Sixgill knows (it knows {string.Join(", ", Kinds.Select(k => k.Name))})");
    }

    private static void WriteRoute(Utf8JsonWriter w, KernelRoute route)
    {
        w.WriteString("destination", route.Destination.ToString());
        w.WriteString("via", route.Via?.ToString());
        w.WriteString("device", route.Device);
    }

    private static KernelRoute ReadRoute(JournalObject o) =>
        new(o.Text("destination", Prefix.Parse), o.NullableText("via", Ip.Parse), o.NullableString("device"));

    private static void WriteFile(Utf8JsonWriter w, RestoreFile file)
    {
        w.WriteString("path", file.Path);
        w.WriteString("writtenSha256", file.WrittenSha256);
        WriteObject(w, "previous", file.Previous, (w, p) =>
        {
            w.WriteString("backup", p.Backup);
            w.WriteString("sha256", p.Sha256);
            w.WriteString("mode", FileModes.Octal(p.Mode));
        });
        WriteStrings(w, "createdDirectories", file.CreatedDirectories);
    }

    private static RestoreFile ReadFile(JournalObject o) => new(
        o.String("path"),
        o.String("writtenSha256"),
        o.NullableObject("previous", p => new PreviousFile(p.String("backup"), p.String("sha256"), p.Text("mode", ParseMode))),
        o.Strings("createdDirectories"));

    private static void WriteLines(Utf8JsonWriter w, RevertLineEdit lines)
    {
        w.WriteString("path", lines.Path);
        WriteObject(w, "edit", lines.Edit, (w, e) =>
        {
            WriteStrings(w, "added", e.Added);
            WriteStrings(w, "disabled", e.Disabled);
            w.WriteBoolean("addedFinalNewline", e.AddedFinalNewline);
        });
        w.WriteBoolean("fileExisted", lines.FileExisted);
    }

    private static RevertLineEdit ReadLines(JournalObject o) => new(
        o.String("path"),
        o.Object("edit", e => new LineEdit(e.Strings("added"), e.Strings("disabled"), e.Bool("addedFinalNewline"))),
        o.Bool("fileExisted"));

    private static UnixFileMode ParseMode(string text) => (UnixFileMode)Convert.ToInt32(text, 8);

    /// <summary>Writes a field holding an object (its fields by <paramref name="writeFields"/>), or null.</summary>
    internal static void WriteObject<T>(Utf8JsonWriter writer, string name, T? value, Action<Utf8JsonWriter, T> writeFields) where T : class
    {
        if (value is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        writeFields(writer, value);
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, ImmutableArray<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values.IsDefault ? [] : values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}

/// <summary>One kind of undo in the journal: its name and how its fields are written and read.</summary>
internal abstract class UndoKind(string name)
{
    /// <summary>The <c>kind</c> the journal records; never changes once released.</summary>
    public string Name { get; } = name;

    /// <summary>The record type this kind is.</summary>
    public abstract Type Type { get; }

    public abstract bool Writes(Undo undo);

    public abstract void WriteFields(Utf8JsonWriter writer, Undo undo);

    public abstract Undo ReadFields(JournalObject value);
}

/// <inheritdoc/>
internal sealed class UndoKind<T>(string name, Action<Utf8JsonWriter, T> write, Func<JournalObject, T> read) : UndoKind(name)
    where T : Undo
{
    public override Type Type => typeof(T);

    public override bool Writes(Undo undo) => undo is T;

    public override void WriteFields(Utf8JsonWriter writer, Undo undo) => write(writer, (T)undo);

    public override Undo ReadFields(JournalObject value) => read(value);
}
