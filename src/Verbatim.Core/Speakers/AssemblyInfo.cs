using System.Runtime.CompilerServices;

// The speaker tests check the word and mention index directly, not only the stage's output.
[assembly: InternalsVisibleTo("Verbatim.Tests")]
