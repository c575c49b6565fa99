using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Sixgill.Steps;

namespace Sixgill.Engine;

/// <summary>
/// Source-generated JSON for the journal (NativeAOT has no reflection-based serializer): one value a
/// line (<see cref="JournalLog"/>). Addresses, prefixes and modes are written as people write them,
/// so the journal reads like a log. Strict on
/// reading (unknown or missing fields fail): half-understood undo data must stop clean, not guide it.
/// Use <see cref="Document"/>, <see cref="Change"/> and <see cref="Entry"/>, never the generated
/// <c>Default.…</c> ones: only these know the kinds of undo.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    Converters = [typeof(IpJsonConverter), typeof(PrefixJsonConverter), typeof(InterfaceAddressJsonConverter), typeof(UnixFileModeJsonConverter)])]
[JsonSerializable(typeof(JournalDocument))]
[JsonSerializable(typeof(JournalChange))]
[JsonSerializable(typeof(RevertAddress))]
[JsonSerializable(typeof(RevertRoute))]
[JsonSerializable(typeof(RevertSysctl))]
[JsonSerializable(typeof(RestoreFile))]
[JsonSerializable(typeof(RevertLineEdit))]
[JsonSerializable(typeof(UndoWithRestart))]
[JsonSerializable(typeof(RemoveLink))]
[JsonSerializable(typeof(RemoveDirectory))]
[JsonSerializable(typeof(DeleteNftTable))]
[JsonSerializable(typeof(StopDaemon))]
[JsonSerializable(typeof(ReloadProfileAfter))]
[JsonSerializable(typeof(RemoveSystemdService))]
[JsonSerializable(typeof(RevertCniConfig))]
[JsonSerializable(typeof(ResetKubeadm))]
[JsonSerializable(typeof(RemoveDockerNetwork))]
[JsonSerializable(typeof(RemoveContainer))]
[JsonSerializable(typeof(UnloadKernelModule))]
internal sealed partial class JournalJson : JsonSerializerContext
{
    // The kinds of undo are given here in code (Undo.Kinds), not as [JsonDerivedType] attributes:
    // System.Text.Json reads those attributes by reflection the first time, in every process that
    // opens a journal (about 50 page faults and a millisecond of each prepare and clean).
    /// <summary>The journal document, its undo records tagged with their <c>kind</c>.</summary>
    public static JsonTypeInfo<JournalDocument> Document => Tagged.Document;

    /// <summary>One appended line of the journal, its undo record tagged with its <c>kind</c>.</summary>
    public static JsonTypeInfo<JournalChange> Change => Tagged.Change;

    /// <summary>One entry, its undo record tagged with its <c>kind</c>.</summary>
    public static JsonTypeInfo<JournalEntry> Entry => Tagged.Entry;

    // The kinds of undo are given in code (Undo.Kinds), not as [JsonDerivedType] attributes: System.Text.Json
    // reads those by reflection the first time, in every process that opens a journal (about 50 page
    // faults and a millisecond of each prepare and clean). Made on first use, after Default exists.
    private static class Tagged
    {
        private static readonly JsonSerializerOptions Options = new(Default.Options)
        {
            TypeInfoResolver = JsonTypeInfoResolver.WithAddedModifier(Default, AddUndoKinds),
        };

        public static JsonTypeInfo<JournalDocument> Document { get; } = (JsonTypeInfo<JournalDocument>)Options.GetTypeInfo(typeof(JournalDocument));

        public static JsonTypeInfo<JournalChange> Change { get; } = (JsonTypeInfo<JournalChange>)Options.GetTypeInfo(typeof(JournalChange));

        public static JsonTypeInfo<JournalEntry> Entry { get; } = (JsonTypeInfo<JournalEntry>)Options.GetTypeInfo(typeof(JournalEntry));
    }

    private static void AddUndoKinds(JsonTypeInfo info)
    {
        if (info.Type != typeof(Steps.Undo))
        {
            return;
        }

        info.PolymorphismOptions = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = "kind" };
        foreach (var (type, kind) in Steps.Undo.Kinds)
        {
            info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(type, kind));
        }
    }
}
