namespace Verbatim.Input;

/// <summary>An input that cannot be read as text: its name and why, for a one-line message to the user.</summary>
public sealed class InvalidInputException : Exception
{
    public InvalidInputException(string inputName, string reason, Exception? innerException = null)
        : base($"{inputName}: {reason}", innerException)
    {
        InputName = inputName;
        Reason = reason;
    }

    /// <summary>The file name, URL or other label the caller gave the input.</summary>
    public string InputName { get; }

    /// <summary>What is wrong, without the name ("not valid UTF-8 (invalid byte 0xFF at offset 123)").</summary>
    public string Reason { get; }
}
