namespace Sixgill.Cli;

internal enum OutputFormat
{
    Text,
    Json,
}
