namespace Sixgill.Machine;

/// <summary>A program ran and exited non-zero; the message carries the command and its stderr.</summary>
internal sealed class ProcessFailedException : Exception
{
    public ProcessFailedException(ProcessResult result)
        : base($"'{CommandLine.Format(result.Command)}' exited with {result.ExitCode}: {Summary(result)}")
    {
        Result = result;
    }

    public ProcessResult Result { get; }

    private static string Summary(ProcessResult result)
    {
        var text = result.StandardError.Trim();
        if (text.Length == 0)
        {
            text = result.StandardOutput.Trim();
        }

        return text.Length == 0 ? "(no output)" : text;
    }
}
