using System.Text.Json;

namespace Sixgill.Lab;

/// <summary>Reads and writes <see cref="LabState"/> in the lab's work directory (root's, under /run: gone at reboot, like the lab).</summary>
internal static class LabStateFile
{
    /// <summary>The lab's state, or null when there is none or it cannot be read (a crash while writing, another version).</summary>
    public static LabState? TryRead(LabNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        try
        {
            var state = JsonSerializer.Deserialize(File.ReadAllText(names.StateFile), LabJsonContext.Default.LabState);
            return state is { Version: LabState.CurrentVersion } && state.Lab == names.Lab ? state : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes atomically (temp file, rename), so a reader sees the old state or the new one.</summary>
    public static void Write(LabNames names, LabState state)
    {
        ArgumentNullException.ThrowIfNull(names);
        var temporary = names.StateFile + ".new";
        File.WriteAllText(temporary, JsonSerializer.Serialize(state, LabJsonContext.Default.LabState) + "\n");
        File.Move(temporary, names.StateFile, overwrite: true);
    }
}
