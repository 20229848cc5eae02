using Verbatim.Attribution;
using Verbatim.Speakers;

namespace Verbatim.Tests.Speakers;

/// <summary>Shapes where a guessed speaker would put words in someone's mouth: each must stay right or unresolved.</summary>
public class SpeakerPrecisionTests
{
    [Fact]
    public void Pronoun_skips_headings_and_finds_the_possessive_honorific()
    {
        var kit = new SpeakerTestKit(
            "Ban Ki-moon, the secretary general of the United Nations, said the policy was a mistake.\n\n"
            + "Gender Equality.\n\n"
            + "The Gap Goes On: It was under Mr. Ban's watch that the General Assembly established U.N. Women. He has championed gay rights.\n\n"
            + "Climate Change.\n\n"
            + "Success on Signature Issue: Mr. Ban focused on climate change. He went to see the melting ice in Greenland.");
        kit.Add(1, kit.Find("Ban Ki-moon, the secretary general of the United Nations,"), kit.Find("the policy was a mistake"), AttributionKind.Indirect);
        kit.Add(2, kit.Find("He", 0), kit.Find("gay rights"), AttributionKind.Indirect);
        kit.Add(3, kit.Find("He", 1), kit.Find("the melting ice in Greenland"), AttributionKind.Indirect);
        var layer = kit.Run();
        Assert.Equal("Ban Ki-moon", layer.ByAttribution[2].Name);
        Assert.Equal("Ban Ki-moon", layer.ByAttribution[3].Name);
    }

    [Fact]
    public void Pronoun_ignores_a_title_case_phrase_without_person_evidence()
    {
        var kit = new SpeakerTestKit("Trade Winds Rising Fast was the slogan of the fair. He said it was a success.");
        kit.Add(1, kit.Find("He"), kit.Find("it was a success"), AttributionKind.Indirect);
        Assert.False(kit.Run().ByAttribution.ContainsKey(1));
    }

    [Theory]
    [InlineData("Britain and France")]
    [InlineData("Mr. Grassley and Mr. Leahy")]
    [InlineData("Donald Trump and Hillary Clinton")]
    public void Coordinated_source_is_one_group_named_as_written(string source)
    {
        var kit = new SpeakerTestKit($"{source} said the resolution was flawed.");
        kit.Add(1, kit.Find(source), kit.Find("the resolution was flawed"), AttributionKind.Indirect);
        var speaker = kit.Run().ByAttribution[1];
        Assert.Equal(source, speaker.Name);
        Assert.Equal(SpeakerType.Group, speaker.Type);
    }

    [Fact]
    public void One_institution_with_and_in_its_name_stays_an_organization()
    {
        const string source = "United States Citizenship and Immigration Services";
        var kit = new SpeakerTestKit($"{source} said the backlog was shrinking.");
        kit.Add(1, kit.Find(source), kit.Find("the backlog was shrinking"), AttributionKind.Indirect);
        var speaker = kit.Run().ByAttribution[1];
        Assert.Equal(SpeakerType.Organization, speaker.Type);
        Assert.Equal(source, speaker.Name);
    }

    [Theory]
    [InlineData("China and the United States, which together vowed to act, were praised.", "together", "to act")]
    [InlineData("Of the voters, some of them said no.", "of", "no")]
    public void A_source_that_is_not_a_noun_phrase_has_no_speaker(string text, string source, string content)
    {
        var kit = new SpeakerTestKit(text);
        kit.Add(1, kit.Find(source), kit.Find(content), AttributionKind.Indirect);
        Assert.False(kit.Run().ByAttribution.ContainsKey(1));
    }

    [Fact]
    public void A_sentence_initial_common_word_is_not_a_person()
    {
        var kit = new SpeakerTestKit("Having lost the vote, the party regrouped. Having said that, aides were having doubts.");
        kit.Add(1, kit.Find("Having", 1), kit.Find("aides were having doubts"), AttributionKind.Indirect);
        Assert.False(kit.Run().ByAttribution.ContainsKey(1));
    }

    [Theory]
    [InlineData("The New York Times")]
    [InlineData("The Wall Street Journal")]
    [InlineData("Politico")]
    [InlineData("Wells Fargo")]
    public void Outlets_and_companies_are_organizations(string source)
    {
        var kit = new SpeakerTestKit($"{source} reported that the deal was off. He said it was final.");
        kit.Add(1, kit.Find(source), kit.Find("that the deal was off"), AttributionKind.Indirect);
        kit.Add(2, kit.Find("He"), kit.Find("it was final"), AttributionKind.Indirect);
        var layer = kit.Run();
        Assert.Equal(SpeakerType.Organization, layer.ByAttribution[1].Type);
        Assert.False(layer.ByAttribution.ContainsKey(2));   // "he" is never an organisation
    }

    [Fact]
    public void An_honorific_cut_from_its_name_resolves_to_the_name()
    {
        var kit = new SpeakerTestKit("Kevin McKinley wrote a book. Mr. McKinley is bearish on loans. So he suggests saving.");
        kit.Add(1, kit.Find("Mr."), kit.Find("bearish on loans"), AttributionKind.Indirect);
        Assert.Equal("Kevin McKinley", kit.Run().ByAttribution[1].Name);
    }

    [Fact]
    public void A_modifier_before_a_known_full_name_is_not_part_of_it()
    {
        var kit = new SpeakerTestKit("Hillary Clinton spoke first. Later, Crooked Hillary Clinton was his phrase. Clinton said she was calm.");
        kit.Add(1, kit.Find("Clinton", 2), kit.Find("she was calm"), AttributionKind.Indirect);
        Assert.Equal("Hillary Clinton", kit.Run().ByAttribution[1].Name);
    }

    [Fact]
    public void Pronoun_respects_gender_from_given_names()
    {
        var kit = new SpeakerTestKit("Barack Obama took a question from Tina Houchins. “My son gave his life,” she said.");
        kit.Add(1, kit.Find("she"), kit.Find("“My son gave his life,”"));
        Assert.Equal("Tina Houchins", kit.Run().ByAttribution[1].Name);
    }

    [Fact]
    public void Pronoun_does_not_reach_a_speaker_paragraphs_back_past_another_person()
    {
        var kit = new SpeakerTestKit(
            "Senator Tom Reed said the bill would pass.\n\nThe vote is set for May.\n\nCommittee staff worked late.\n\n"
            + "Marcus Hale, an aide, brought the draft to Gov. Ann Petty.\n\nIn the end, he said the count was close.");
        kit.Add(1, kit.Find("Senator Tom Reed"), kit.Find("the bill would pass"), AttributionKind.Indirect);
        kit.Add(2, kit.Find("he said"), kit.Find("the count was close"), AttributionKind.Indirect);
        var layer = kit.Run();
        // Marcus Hale (an aide, not the subject there) and Gov. Ann Petty came between: "he" is not surely Tom Reed.
        Assert.NotEqual("Tom Reed", layer.ByAttribution.GetValueOrDefault(2)?.Name);
    }
}
