using Sixgill.Engine;
using Sixgill.Steps;

namespace Sixgill.Cli.Change;

/// <summary>The words the change commands print for symbols and outcomes, the same in text and JSON.</summary>
internal static class ChangeFormatting
{
    public static string Change(char symbol) => symbol switch
    {
        '+' => "add",
        '~' => "change",
        '=' => "already so",
        '-' => "remove",
        _ => "unknown",
    };

    public static string Status(UndoResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome?.Status switch
        {
            UndoStatus.Reverted => "reverted",
            UndoStatus.NothingToDo => "nothing-to-do",
            UndoStatus.LeftAlone => "left-alone",
            _ => "failed",
        };
    }

    public static string? Detail(UndoResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Error ?? result.Outcome?.Detail;
    }

    public static UndoJson Json(UndoResult result) => new(result.StepId, result.Description, Status(result), Detail(result));

    /// <summary><c>- delete route … (reverted: deleted …)</c>.</summary>
    public static string Line(UndoResult result)
    {
        var detail = Detail(result);
        return $"- {result.Description} ({Status(result)}{(detail is null ? "" : $": {detail}")})";
    }

    public static string Count(int count, string word) => ValidatedCluster.Plural(count, word);
}
