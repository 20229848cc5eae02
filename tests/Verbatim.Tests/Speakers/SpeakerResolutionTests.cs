using Verbatim.Attribution;
using Verbatim.Speakers;

namespace Verbatim.Tests.Speakers;

public class SpeakerResolutionTests
{
    [Fact]
    public void Unnamed_spokeswoman_keeps_her_description()
    {
        var kit = new SpeakerTestKit("Water will be rationed from Monday, a spokeswoman for the authority said on Friday.");
        kit.Add(1, kit.Find("a spokeswoman for the authority"), kit.Find("Water will be rationed from Monday"), AttributionKind.Indirect);
        var speaker = kit.Run().ByAttribution[1];
        Assert.Equal("spokeswoman for the authority", speaker.Name);
        Assert.Equal(SpeakerType.Anonymous, speaker.Type);
        Assert.Equal("spokeswoman", speaker.Title);
    }

    [Fact]
    public void Anonymous_official_is_named_by_the_description_before_the_comma()
    {
        var kit = new SpeakerTestKit("The talks will resume next week, a senior official, speaking on condition of anonymity, told reporters.");
        kit.Add(1, kit.Find("a senior official, speaking on condition of anonymity"), kit.Find("The talks will resume next week"), AttributionKind.Indirect);
        var speaker = kit.Run().ByAttribution[1];
        Assert.Equal("senior official", speaker.Name);
        Assert.Equal(SpeakerType.Anonymous, speaker.Type);
    }

    [Fact]
    public void Analysts_at_a_bank_are_a_group_affiliated_with_it()
    {
        var kit = new SpeakerTestKit("Rates will fall in spring, analysts at Nordbank wrote in a note.");
        kit.Add(1, kit.Find("analysts at Nordbank"), kit.Find("Rates will fall in spring"), AttributionKind.Indirect);
        var speaker = kit.Run().ByAttribution[1];
        Assert.Equal("analysts at Nordbank", speaker.Name);
        Assert.Equal(SpeakerType.Group, speaker.Type);
        Assert.Equal("Nordbank", speaker.Affiliation);
    }

    [Fact]
    public void A_report_by_an_office_is_the_office_speaking()
    {
        var kit = new SpeakerTestKit("Unemployment rose to 7 percent, according to a report released last week by the provincial statistics office.");
        kit.Add(1, kit.Find("a report released last week by the provincial statistics office"), kit.Find("Unemployment rose to 7 percent"), AttributionKind.Indirect);
        var speaker = kit.Run().ByAttribution[1];
        Assert.Equal("provincial statistics office", speaker.Name);
        Assert.Equal(SpeakerType.Organization, speaker.Type);
    }

    [Fact]
    public void A_report_without_an_author_is_a_document()
    {
        var kit = new SpeakerTestKit("Unemployment rose to 7 percent, a report released last week said.");
        kit.Add(1, kit.Find("a report released last week"), kit.Find("Unemployment rose to 7 percent"), AttributionKind.Indirect);
        var speaker = kit.Run().ByAttribution[1];
        Assert.Equal("report released last week", speaker.Name);
        Assert.Equal(SpeakerType.Document, speaker.Type);
    }

    [Theory]
    [InlineData("The White House said the visit would go ahead.", "The White House", "White House", "United States")]
    [InlineData("The Kremlin said the visit would go ahead.", "The Kremlin", "Kremlin", "Russia")]
    [InlineData("The U.S. said the visit would go ahead.", "The U.S.", "United States", "United States")]
    [InlineData("North Korea said the visit would go ahead.", "North Korea", "North Korea", "North Korea")]
    [InlineData("The D.P.R.K. said the visit would go ahead.", "The D.P.R.K.", "North Korea", "North Korea")]
    [InlineData("The Clinton campaign said the visit would go ahead.", "The Clinton campaign", "Clinton campaign", null)]
    public void Institutions_are_organisations_with_normalised_names(string text, string source, string name, string? affiliation)
    {
        var kit = new SpeakerTestKit(text);
        kit.Add(1, kit.Find(source), kit.Find("the visit would go ahead"), AttributionKind.Indirect);
        var speaker = kit.Run().ByAttribution[1];
        Assert.Equal(name, speaker.Name);
        Assert.Equal(SpeakerType.Organization, speaker.Type);
        Assert.Equal(affiliation, speaker.Affiliation);
    }

    [Fact]
    public void The_campaign_goes_back_to_the_campaign_named_before()
    {
        var kit = new SpeakerTestKit("The Clinton campaign said the visit would go ahead.\nLater the campaign said it was cancelled.");
        kit.Add(1, kit.Find("The Clinton campaign"), kit.Find("the visit would go ahead"), AttributionKind.Indirect)
           .Add(2, kit.Find("the campaign"), kit.Find("it was cancelled"), AttributionKind.Indirect);
        var layer = kit.Run();
        Assert.Same(layer.ByAttribution[1], layer.ByAttribution[2]);
        Assert.Single(layer.Speakers);
    }

    [Fact]
    public void Inverted_order_with_appositive_gives_title_and_affiliation()
    {
        var kit = new SpeakerTestKit("Nordbank cut its forecast on Tuesday.\n“Growth will stall,” said Ines Moller, the bank’s chief economist.");
        kit.Add(1, kit.Find("Ines Moller, the bank’s chief economist"), kit.Find("“Growth will stall,”"));
        var speaker = kit.Run().ByAttribution[1];
        Assert.Equal("Ines Moller", speaker.Name);
        Assert.Equal("chief economist", speaker.Title);
        Assert.Equal("Nordbank", speaker.Affiliation);
        Assert.Equal(SpeakerType.Person, speaker.Type);
    }

    [Fact]
    public void Possessive_prefix_and_nationality_give_affiliation()
    {
        var kit = new SpeakerTestKit("Russian President Vladimir Putin said talks were possible. Nordbank’s chief economist Ines Moller said rates would fall.");
        kit.Add(1, kit.Find("Russian President Vladimir Putin"), kit.Find("talks were possible"), AttributionKind.Indirect)
           .Add(2, kit.Find("Nordbank’s chief economist Ines Moller"), kit.Find("rates would fall"), AttributionKind.Indirect);
        var layer = kit.Run();
        Assert.Equal(new Speaker("s1", "Vladimir Putin", "President", "Russia", SpeakerType.Person), layer.ByAttribution[1]);
        Assert.Equal(new Speaker("s2", "Ines Moller", "chief economist", "Nordbank", SpeakerType.Person), layer.ByAttribution[2]);
    }

    [Fact]
    public void Mr_with_spokesman_appositive()
    {
        var kit = new SpeakerTestKit("The Finance Ministry published the figures on Monday.\nThe deficit will narrow, Mr. Smith, a spokesman for the ministry, said.");
        kit.Add(1, kit.Find("Mr. Smith, a spokesman for the ministry"), kit.Find("The deficit will narrow"), AttributionKind.Indirect);
        var speaker = kit.Run().ByAttribution[1];
        Assert.Equal("Smith", speaker.Name);
        Assert.Equal("spokesman", speaker.Title);
        Assert.Equal("Finance Ministry", speaker.Affiliation);
        Assert.Equal(SpeakerType.Person, speaker.Type);
    }

    [Fact]
    public void Pronoun_at_document_start_stays_unresolved()
    {
        var kit = new SpeakerTestKit("“We will win,” he said. Later John Smith arrived.");
        kit.Add(1, kit.Find("he"), kit.Find("“We will win,”"));
        var layer = kit.Run();
        Assert.False(layer.ByAttribution.ContainsKey(1));
        Assert.Empty(layer.Speakers);
    }

    [Fact]
    public void Surname_goes_to_the_most_recent_full_name()
    {
        var kit = new SpeakerTestKit("John Smith said the plant would close. His sister Mary Smith runs the union.\nSmith said the workers would strike.");
        kit.Add(1, kit.Find("John Smith"), kit.Find("the plant would close"), AttributionKind.Indirect)
           .Add(2, kit.Find("Smith", 2), kit.Find("the workers would strike"), AttributionKind.Indirect);
        var layer = kit.Run();
        Assert.Equal("John Smith", layer.ByAttribution[1].Name);
        Assert.Equal("Mary Smith", layer.ByAttribution[2].Name);
        Assert.Equal(["s1", "s2"], layer.Speakers.Select(s => s.Id));
    }

    [Fact]
    public void She_skips_a_male_antecedent()
    {
        var kit = new SpeakerTestKit("Mary Jones said the vote was fair. Mr. Brown, her opponent, said nothing.\n“We will appeal,” she said.");
        kit.Add(1, kit.Find("Mary Jones"), kit.Find("the vote was fair"), AttributionKind.Indirect)
           .Add(2, kit.Find("she"), kit.Find("“We will appeal,”"));
        var layer = kit.Run();
        Assert.Equal("Mary Jones", layer.ByAttribution[2].Name);
    }

    [Fact]
    public void She_skips_a_more_recent_male_source()
    {
        var kit = new SpeakerTestKit("Mary Jones said the vote was fair. Mr. Brown said it was rigged.\n“We will appeal,” she said.");
        kit.Add(1, kit.Find("Mary Jones"), kit.Find("the vote was fair"), AttributionKind.Indirect)
           .Add(2, kit.Find("Mr. Brown"), kit.Find("it was rigged"), AttributionKind.Indirect)
           .Add(3, kit.Find("she"), kit.Find("“We will appeal,”"));
        var layer = kit.Run();
        Assert.Equal("Brown", layer.ByAttribution[2].Name);
        Assert.Equal("Mary Jones", layer.ByAttribution[3].Name);
    }

    [Fact]
    public void Role_noun_goes_to_the_titled_person()
    {
        var kit = new SpeakerTestKit("Secretary of State Antony Blinken met the minister.\nThe secretary said the talks were useful.");
        kit.Add(1, kit.Find("The secretary"), kit.Find("the talks were useful"), AttributionKind.Indirect);
        var speaker = kit.Run().ByAttribution[1];
        Assert.Equal("Antony Blinken", speaker.Name);
        Assert.Equal("Secretary of State", speaker.Title);
    }

    [Fact]
    public void They_goes_to_an_organisation_or_stays_unresolved()
    {
        var kit = new SpeakerTestKit("Analysts at Nordbank expect a cut. They said rates would fall.\n“It is over,” they said.");
        kit.Add(1, kit.Find("Analysts at Nordbank"), kit.Find("expect a cut"), AttributionKind.Indirect)
           .Add(2, kit.Find("They"), kit.Find("rates would fall"), AttributionKind.Indirect);
        var layer = kit.Run();
        Assert.Same(layer.ByAttribution[1], layer.ByAttribution[2]);

        var lone = new SpeakerTestKit("“It is over,” they said.");
        lone.Add(1, lone.Find("they"), lone.Find("“It is over,”"));
        Assert.Empty(lone.Run().ByAttribution);
    }

    [Fact]
    public void We_inside_a_quote_is_the_quote_speaker()
    {
        var kit = new SpeakerTestKit("John Smith said, “We believe the plan will work.”");
        kit.Add(1, kit.Find("John Smith"), kit.Find("“We believe the plan will work.”"))
           .Add(2, kit.Find("We"), kit.Find("the plan will work"), AttributionKind.Indirect, nestedIn: 1);
        var layer = kit.Run();
        Assert.Same(layer.ByAttribution[1], layer.ByAttribution[2]);
    }

    [Fact]
    public void Continuation_quote_without_a_previous_speaker_stays_unresolved()
    {
        var kit = new SpeakerTestKit("“We will win.”");
        kit.Add(1, null, kit.Find("“We will win.”"));
        Assert.Empty(kit.Run().ByAttribution);
    }
}

public class SpeakerResolutionMoreTests
{
    [Fact]
    public void She_after_an_unnamed_spokeswoman_is_that_spokeswoman()
    {
        var kit = new SpeakerTestKit("The dam is safe, a spokeswoman for the authority said. She added that repairs would start soon.");
        kit.Add(1, kit.Find("a spokeswoman for the authority"), kit.Find("The dam is safe"), AttributionKind.Indirect)
           .Add(2, kit.Find("She"), kit.Find("that repairs would start soon"), AttributionKind.Indirect);
        var layer = kit.Run();
        Assert.Same(layer.ByAttribution[1], layer.ByAttribution[2]);
    }

    [Fact]
    public void We_inside_a_quote_before_its_source_is_the_quote_speaker()
    {
        var kit = new SpeakerTestKit("“We believe the plan will work,” said Sen. Elizabeth Warren.");
        kit.Add(1, kit.Find("Sen. Elizabeth Warren"), kit.Find("“We believe the plan will work,”"))
           .Add(2, kit.Find("We"), kit.Find("the plan will work"), AttributionKind.Indirect);
        var layer = kit.Run();
        Assert.Equal(new Speaker("s1", "Elizabeth Warren", "Sen.", null, SpeakerType.Person), layer.ByAttribution[1]);
        Assert.Same(layer.ByAttribution[1], layer.ByAttribution[2]);
    }

    [Fact]
    public void I_outside_any_quote_stays_unresolved()
    {
        var kit = new SpeakerTestKit("The dam is safe, I was told.");
        kit.Add(1, kit.Find("I"), kit.Find("The dam is safe"), AttributionKind.Indirect);
        Assert.Empty(kit.Run().ByAttribution);
    }

    [Fact]
    public void Nationality_gives_a_group_its_affiliation()
    {
        var kit = new SpeakerTestKit("The strike hit a depot, Russian officials said.");
        kit.Add(1, kit.Find("Russian officials"), kit.Find("The strike hit a depot"), AttributionKind.Indirect);
        var speaker = kit.Run().ByAttribution[1];
        Assert.Equal(new Speaker("s1", "Russian officials", null, "Russia", SpeakerType.Group), speaker);
    }

    [Fact]
    public void Cabinet_title_implies_its_country_only_when_the_article_mentions_it()
    {
        var kit = new SpeakerTestKit("Secretary of State Antony Blinken said the talks went well.");
        kit.Add(1, kit.Find("Secretary of State Antony Blinken"), kit.Find("the talks went well"), AttributionKind.Indirect);
        Assert.Null(kit.Run().ByAttribution[1].Affiliation);
    }

    [Fact]
    public void Continuation_quote_in_next_paragraph_keeps_the_speaker()
    {
        var kit = new SpeakerTestKit("“The plan works,” said Mary Jones.\n“And it will keep working.”");
        kit.Add(1, kit.Find("Mary Jones"), kit.Find("“The plan works,”"))
           .Add(2, null, kit.Find("“And it will keep working.”"));
        var layer = kit.Run();
        Assert.Same(layer.ByAttribution[1], layer.ByAttribution[2]);
    }
}

public class SpeakerNewsPatternsTests
{
    [Fact]
    public void Party_label_is_an_affiliation_not_part_of_the_name()
    {
        var kit = new SpeakerTestKit("Republican Donald Trump spoke in Ohio. Trump said the race was close.");
        kit.Add(1, kit.Find("Trump", 1), kit.Find("the race was close"), AttributionKind.Indirect);
        var speaker = kit.Run().ByAttribution[1];
        Assert.Equal("Donald Trump", speaker.Name);
        Assert.Equal("Republican Party", speaker.Affiliation);
    }

    [Fact]
    public void Of_a_place_after_a_person_is_not_part_of_the_name()
    {
        var kit = new SpeakerTestKit("Gov. Earl Ray Tomblin of West Virginia said the mines would reopen.");
        kit.Add(1, kit.Find("Gov. Earl Ray Tomblin of West Virginia"), kit.Find("the mines would reopen"), AttributionKind.Indirect);
        var speaker = kit.Run().ByAttribution[1];
        Assert.Equal("Earl Ray Tomblin", speaker.Name);
        Assert.Equal("Gov.", speaker.Title);
    }

    [Fact]
    public void A_study_by_a_titled_person_is_that_person()
    {
        var kit = new SpeakerTestKit("Fraud is rare, a 2014 study by Loyola Law School professor Justin Levitt found.");
        kit.Add(1, kit.Find("a 2014 study by Loyola Law School professor Justin Levitt"), kit.Find("Fraud is rare"), AttributionKind.Indirect);
        var speaker = kit.Run().ByAttribution[1];
        Assert.Equal(new Speaker("s1", "Justin Levitt", "professor", "Loyola Law School", SpeakerType.Person), speaker);
    }

    [Fact]
    public void Names_that_modify_a_group_noun_make_a_group()
    {
        var kit = new SpeakerTestKit("The plan is dead, Clinton supporters said.");
        kit.Add(1, kit.Find("Clinton supporters"), kit.Find("The plan is dead"), AttributionKind.Indirect);
        Assert.Equal(SpeakerType.Group, kit.Run().ByAttribution[1].Type);
    }

    [Fact]
    public void The_senator_finds_the_abbreviated_title()
    {
        var kit = new SpeakerTestKit("Sen. Lindsey Graham visited the base.\nThe senator said the troops were ready.");
        kit.Add(1, kit.Find("The senator"), kit.Find("the troops were ready"), AttributionKind.Indirect);
        Assert.Equal("Lindsey Graham", kit.Run().ByAttribution[1].Name);
    }

    [Fact]
    public void He_does_not_go_to_an_untitled_description()
    {
        var kit = new SpeakerTestKit("The rules will cost jobs, a raft of new studies suggests. He said so too.");
        kit.Add(1, kit.Find("a raft of new studies"), kit.Find("The rules will cost jobs"), AttributionKind.Indirect)
           .Add(2, kit.Find("He"), kit.Find("so too"), AttributionKind.Indirect);
        Assert.False(kit.Run().ByAttribution.ContainsKey(2));
    }
}
