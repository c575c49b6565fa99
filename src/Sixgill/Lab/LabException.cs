namespace Sixgill.Lab;

/// <summary>A lab could not be built or removed; the message says what and how to recover.</summary>
internal sealed class LabException : Exception
{
    public LabException(string message)
        : base(message)
    {
    }

    public LabException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
