using System.Text.Json.Serialization;

namespace Sixgill.Cli.Change;

/// <summary>One step of a plan: <c>+</c> add, <c>~</c> change, <c>=</c> already so, <c>-</c> remove, <c>?</c> could not be read.</summary>
internal sealed record PlanStepJson(string Symbol, string Change, string Id, string Description, string? Detail);

/// <summary><c>sixgill plan --output json</c>.</summary>
/// <param name="FromJournal">Undo plans only: false when there is no journal and the lines come from probing the node.</param>
internal sealed record PlanJson(
    string Command,
    string Node,
    bool ChangesPending,
    bool? FromJournal,
    int Unreadable,
    PlanStepJson[] Steps,
    string[] Problems,
    string[] Warnings);

/// <summary>One step of a run: what the probe found and whether it was applied.</summary>
internal sealed record RunStepJson(string Symbol, string Id, string Description, bool Applied, string? Detail);

/// <summary>One undo (rollback or clean) and how it went: <c>reverted</c>, <c>nothing-to-do</c>, <c>left-alone</c> or <c>failed</c>.</summary>
internal sealed record UndoJson(string Id, string Description, string Status, string? Detail);

internal sealed record FailureJson(string Id, string Description, string Error);

/// <summary><c>sixgill prepare --output json</c> (and <c>up</c>).</summary>
internal sealed record RunJson(
    string Command,
    string Node,
    string Result,
    int Applied,
    RunStepJson[] Steps,
    FailureJson? Failure,
    UndoJson[] RolledBack,
    string[] Interrupted,
    string[] Warnings);

/// <summary><c>sixgill clean --output json</c> (and <c>down</c>).</summary>
internal sealed record UndoRunJson(string Command, string Node, string Result, bool FromJournal, UndoJson[] Undone, string[] Warnings);

/// <summary>Source-generated JSON for the change commands (NativeAOT has no reflection serializer).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(PlanJson))]
[JsonSerializable(typeof(RunJson))]
[JsonSerializable(typeof(UndoRunJson))]
internal sealed partial class ChangeJsonContext : JsonSerializerContext;
