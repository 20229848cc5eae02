using Verbatim.Events;
using Verbatim.Pipeline;
using Verbatim.Text;

namespace Verbatim.Tests.Events;

/// <summary>Events the article reports: kind, name, place, date and participants.</summary>
public class EventStageTests
{
    private static List<NewsEvent> Run(string text)
    {
        var doc = ExtractionPipeline.CreateDefault().Process(text, new DocumentMetadata("t", Published: new DateOnly(2024, 11, 1)));
        return doc.Require<EventLayer>().Items.ToList();
    }

    [Fact]
    public void The_seed_meeting_in_Washington_yesterday()
    {
        var meeting = Assert.Single(Run(Samples.Seed), e => e.Kind == EventKind.Meeting);
        Assert.Equal("U.S.-Republic of Korea 2+2 meeting of foreign and defense secretaries", meeting.Name);
        Assert.Equal("Washington", meeting.Place);
        Assert.Equal(new DateOnly(2024, 10, 31), meeting.Date);
        Assert.Equal(["Antony Blinken", "Lloyd Austin"], meeting.Participants.ToArray());
    }

    [Theory]
    [InlineData("The two leaders held a phone call on Tuesday.", EventKind.Call)]
    [InlineData("The NATO summit in Vilnius ended on Tuesday.", EventKind.Summit)]
    [InlineData("The minister gave a press conference in Paris on Tuesday.", EventKind.PressConference)]
    public void Kinds(string text, EventKind kind)
    {
        var e = Assert.Single(Run(text));
        Assert.Equal(kind, e.Kind);
        Assert.Equal(new DateOnly(2024, 10, 29), e.Date);
    }

    [Fact]
    public void A_bare_mention_names_no_event()
    {
        Assert.Empty(Run("He left the meeting early. Nobody took the call."));
    }
}
