namespace Sixgill.Machine;

/// <summary>The engine answered but refused or failed a request; the message carries its words.</summary>
internal sealed class DockerEngineException : Exception
{
    public DockerEngineException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
