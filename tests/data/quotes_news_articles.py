"""Hand-marked political news articles for make_quotes_news.py (fictional people)."""
# (id, publication_date, {attribution id: type other than "direct"}, marked text)
ARTICLES = [
("qn-01-ohio-senate", "2024-10-14", {4: "mixed", 9: "indirect", 11: "mixed"}, """
Ohio Senate race tightens as Halvorsen and Pruitt trade blows over farm bill

COLUMBUS, Ohio (AP) — With three weeks left before Election Day, the Senate race in Ohio has narrowed to a statistical tie, and the two candidates spent Sunday accusing each other of abandoning the state's farmers.

"{{1|I have spent twenty years fighting for the families who grow our food, and I am not going to apologize for that}}," <<1,2|Sen. Margaret Halvorsen>> told a crowd of about 300 supporters at a county fairground outside Findlay. "{{2|My opponent wants to talk about Washington. I want to talk about Hancock County.}}"

Halvorsen, a two-term Democrat, has made the stalled farm bill the centerpiece of her closing argument. She has accused her Republican challenger, businessman Curtis Pruitt, of backing cuts to crop insurance that she says would hit small growers hardest.

Pruitt, speaking to reporters after a roundtable with soybean growers in Marion, dismissed the attack. "{{3|Margaret Halvorsen has been in the Senate for twelve years and the farm bill is still stuck. That's her record, not mine,}}" <<3|he>> said.

<<4|He>> called her advertisements {{4|"dishonest and desperate"}} and {{4|said the campaign would not respond to "every made-up claim" from her allies}}.

The race is one of a handful that will decide control of the chamber. A poll released Thursday by Baldwin Wallace University showed the two candidates separated by a single point, well within the margin of error.

At the Findlay event, Halvorsen leaned into her biography, recalling her father's dairy operation and the winter the barn roof collapsed under the snow.

"{{5|We lost forty head of cattle that year. Nobody from Washington came to help us. Neighbors came.}}

"{{5|That's what this state is about, and that's who I go to work for every single day}}," <<5|she>> said.

Republicans see the seat as one of their best pickup opportunities. <<6|A spokeswoman for the National Republican Senatorial Committee, Dana Whitcomb>>, said in a statement: "{{6|Ohio voters know Margaret Halvorsen votes with the Washington establishment when it counts. Curtis Pruitt will be an independent voice for the Buckeye State.}}"

The Halvorsen campaign fired back within the hour. "{{7|The NRSC is spending millions to hide Curtis Pruitt's record of shipping jobs overseas}}," <<7,8|campaign manager Luis Ferreira>> wrote on X. "{{8|Ohioans aren't buying it.}}"

Pruitt, who founded a logistics company in Dayton before entering politics, has leaned heavily on his business experience. On Sunday <<9|he>> said {{9|he would push for a simpler farm bill that farmers could understand without hiring a lawyer}}.

"{{10|I've made a payroll. I've signed the front of a paycheck. Margaret has never done that,}}" <<10|Pruitt>> said, to applause from the growers.

Outside groups have poured more than $90 million into the race, according to filings with the Federal Election Commission, making it one of the most expensive Senate contests in the country.

Halvorsen's allies have sought to tie Pruitt to former colleagues in the state party who have called for privatizing parts of the federal crop insurance program. <<11|Pruitt>> has described that idea as {{11|"a nonstarter"}}, but he has declined to say how he would vote on a bill that included it.

Asked on Sunday whether he would debate Halvorsen a second time, <<12|Pruitt>> smiled. "{{12|I'll debate her anywhere, anytime. Bring the cameras.}}"

Early voting in Ohio began last week, and state officials have reported strong turnout in both rural and suburban counties. Election officials in Franklin County said lines on the first day stretched around the block.
"""),

("qn-02-house-hearing", "2024-03-07", {5: "mixed", 8: "indirect", 10: "mixed", 14: "indirect"}, """
Lawmakers grill FAA chief over near-misses at crowded airports

WASHINGTON — The head of the Federal Aviation Administration faced sharp questioning on Capitol Hill on Wednesday over a string of close calls on runways, with members of both parties warning that the agency had been too slow to act.

"{{1|We have been lucky. We cannot keep relying on luck}}," <<1|Rep. Thomas Okonkwo>>, the Republican chairman of the House Transportation and Infrastructure Committee, said as he opened the hearing. "{{1|Every one of these incidents was a warning, and I'm not convinced the agency heard them.}}"

Administrator Rachel Lindqvist acknowledged the problem but defended the agency's response. "{{2|Safety is our only business, and I share the committee's concern,}}" <<2,3|she>> said in her opening remarks. "{{3|We have added controllers, we have deployed new surface-surveillance technology at 43 airports, and we are not finished.}}"

The hearing came after federal investigators recorded at least seven serious runway incursions in the first two months of the year, including one at Boston Logan International Airport in which a business jet came within 200 feet of a landing passenger plane.

Rep. Diane Castellano, a Democrat from New Jersey, pressed Lindqvist on staffing at the facility that handles traffic for the New York area.

"{{4|You told this committee last year that staffing would be fixed by the summer. It is March. It is not fixed. What happened?}}" <<4|Castellano>> asked.

<<14|Lindqvist>> said {{14|training new controllers took up to three years}}. <<5|Castellano>> called that answer {{5|"not good enough for the traveling public"}} and {{5|said she would introduce legislation requiring the agency to report "every single incursion, in plain English," to Congress within 72 hours}}.

The exchange grew tense when Rep. Glenn Mabry, a Georgia Republican, raised the agency's contract with a software vendor whose system briefly failed in January, grounding flights nationwide for several hours.

"{{6|Who signed off on this? Somebody in your building decided that a single point of failure was acceptable for the entire national airspace}}," <<6,7|Mabry>> said. "{{7|I want a name.}}"

<<13|Lindqvist>> replied: "{{13|I take responsibility for everything that happens at the agency. The review of that contract is under way and I will share its findings with this committee.}}" Her answer drew a skeptical laugh from several members.

Outside the hearing room, <<8|a Transportation Department spokesman>> said {{8|the department supported the administrator and was reviewing the committee's recommendations}}.

Pilots' unions have been among the loudest critics. "{{9|The system is stretched beyond what is safe}}," <<9|Capt. Harold Beane, president of the Air Line Pilots Association>>, told reporters after the hearing. "{{9|Our members see it every day.}}"

<<10|Okonkwo>> said he intended to hold a second hearing in May and described the FAA's modernization effort as {{10|"two decades late and billions over budget"}}.

Asked whether she expected to keep her job, Lindqvist told reporters she did. Then she paused. "{{11|I'm here to fix this,}}" <<11,12|she>> said. "{{12|That is the only thing I'm thinking about.}}"

The committee is expected to mark up an aviation safety bill later this spring. Aides said the measure would include new reporting requirements, money for ground radar and a mandate that the agency hire at least 1,800 controllers a year through 2028.
"""),

("qn-03-court-ruling", "2023-11-21", {1: "mixed", 4: "indirect", 6: "mixed", 9: "mixed", 11: "mixed", 12: "indirect"}, """
Federal judge blocks Texas border buoy law, citing navigation rights

AUSTIN — A federal judge on Monday ordered Texas to halt enforcement of a state law that let officers arrest people crossing the Rio Grande between ports of entry, ruling that immigration enforcement is a federal matter.

In a 41-page opinion, <<1|U.S. District Judge Elena Marquez>> wrote that {{1|the law "conflicts with the text and structure of federal immigration statutes and intrudes on a field that Congress has fully occupied."}}

"{{2|Texas may disagree with federal policy,}}" <<2|Marquez>> wrote. "{{2|It may not substitute its own.}}"

The ruling is a setback for Gov. Wade Tillman, who signed the measure in June and has made border security the defining issue of his second term. Within hours, the state filed a notice of appeal with the U.S. Court of Appeals for the Fifth Circuit.

"{{3|This ruling will not stand}}," <<3|Tillman>> said in a statement. "{{3|Texas has the constitutional right to defend itself when Washington refuses to do its job. We will take this fight all the way to the Supreme Court if we must.}}"

The Justice Department, which sued to block the law, welcomed the decision. <<4|A department spokeswoman>> said {{4|the ruling affirmed long-settled law on the federal government's authority over immigration}}.

<<11|Lawyers for Texas>> had argued that {{11|the state faced an "invasion" within the meaning of the Constitution}}, a claim that would allow it to take emergency measures on its own. Judge Marquez rejected that reading.

"{{5|The court is aware of no authority, and Texas has cited none, supporting the proposition that an increase in unlawful migration is an 'invasion' within the meaning of the State War Clause}}," <<5|she>> wrote.

Civil rights groups that joined the suit praised the decision. <<6|The American Civil Liberties Union of Texas>> called it {{6|"a victory for the rule of law and for every family living along the border"}}.

<<12|Adriana Solis, a lawyer with the Texas Civil Rights Project>>, said {{12|the law had already sown fear in border communities}}. "{{7|People are afraid to drive to the grocery store. People are afraid to take their kids to school. That is the reality on the ground,}}" <<7|she>> said in an interview.

Supporters of the law were equally emphatic. <<8|State Sen. Bryce Hollings>>, a Republican from Del Rio who sponsored the bill, said: "{{8|One unelected judge in Austin does not get to decide that Texas is powerless. The people of this state have spoken through their Legislature.}}"

Legal scholars said the case was likely to reach the Supreme Court. <<9|Prof. Miriam Achebe of the University of Texas School of Law>> said the appeals court had shown {{9|"a real willingness to test the limits"}} of federal preemption in recent years.

"{{10|The Fifth Circuit is the wild card here}}," <<10|Achebe>> said. "{{10|If it reverses, you have a direct conflict with decades of precedent, and the justices will have to step in.}}"

The law, known in Austin as Senate Bill 4, made illegal entry into Texas a state crime punishable by up to six months in jail and allowed state judges to order migrants to return to Mexico. Mexican officials had said they would not accept anyone returned by Texas authorities.

Marquez's order applies statewide. The governor's office said state troopers would continue to patrol the border under existing authority while the appeal proceeds.
"""),

("qn-04-westminster", "2024-02-01", {3: "mixed", 7: "mixed", 10: "indirect", 13: "indirect"}, """
Prime Minister faces Tory revolt over housing targets

LONDON — The Prime Minister was forced to defend his housing plans in the Commons on Wednesday as more than 40 Conservative MPs signalled that they would vote against mandatory building targets for local councils.

At a rowdy session of Prime Minister's Questions, the Labour leader, Sir Keith Randall, taunted the government over the rebellion. ‘{{1|The Prime Minister cannot even persuade his own side to back his flagship policy,}}’ <<1|Sir Keith>> said. ‘{{1|How on earth does he expect to persuade the country?}}’

Alistair Pembroke hit back, accusing Labour of having no plan of its own. “{{2|The Right Honourable Gentleman has had fourteen years to come up with an idea and he still hasn't found one,}}” <<2|the Prime Minister>> told MPs, to cheers from the benches behind him.

The rebellion is led by <<3|Dame Harriet Colville>>, the MP for South Cotswolds, who has described the targets as {{3|“a developer's charter”}} that would {{3|“concrete over the countryside”}} without delivering homes that young families can afford.

“{{4|Nobody in my constituency is against new homes. What they are against is being told by Whitehall how many, where and when}},” <<4|she>> said in an interview with the BBC's Today programme.

Government whips spent the afternoon trying to win over wavering backbenchers. <<5|One senior Conservative>> told The Guardian: “{{5|The whips are promising the earth. Some of it might even be true.}}”

<<13|Downing Street>> insisted {{13|there would be no U-turn}}. <<6|The Prime Minister's official spokesman>> told reporters at a lobby briefing: “{{6|The Prime Minister is clear that we need to build the homes this country needs. That is not going to change.}}”

The housing secretary, Nadia Rahman, was more conciliatory. Appearing before the Levelling Up Committee, <<7|she>> said councils would have {{7|“real flexibility” in how they met their targets}} and that the government was {{7|“listening carefully” to colleagues' concerns}}.

Housing charities have urged ministers to hold firm. <<8|Polly Neame, chief executive of Shelter>>, said: “{{8|We have a generation locked out of home ownership and paying record rents. Watering down these targets would be a betrayal of them.}}”

The vote is expected next Tuesday. If the rebels join forces with opposition parties, the government's majority of 56 could be wiped out, handing Pembroke his most serious Commons defeat since he took office.

Not everyone on the Tory benches is convinced the rebellion will hold. “{{9|There's a lot of noise now. Come Tuesday, most of them will find a reason to vote with the government,}}” <<9|a former cabinet minister>> said.

<<10|Colville>> said {{10|she had more than enough names to defeat the measure and would not be bought off with promises of a review}}.

Analysts said the row reflected deeper tensions inside the party ahead of a general election that must be held by January next year. Polls have consistently put Labour ahead by more than 15 points.

“{{11|This is really a fight about what kind of party the Conservatives want to be after the election}},” said <<11|Professor Tim Hardcastle of King's College London>>. “{{11|Housing is just where it has broken out.}}”

Later, <<12|Sir Keith>> wrote on X: “{{12|Another day, another Tory civil war. The country deserves better.}}”
"""),

("qn-05-foreign-ministry", "2024-05-20", {2: "mixed", 6: "indirect", 8: "mixed", 11: "mixed", 12: "mixed", 13: "mixed", 14: "indirect", 15: "indirect"}, """
Beijing warns Manila after new clash at disputed shoal

BEIJING/MANILA (Reuters) — <<11|China's foreign ministry>> on Monday accused {{11|the Philippines of "provocation"}} after a weekend confrontation near a disputed shoal in the South China Sea, while Manila summoned a senior Chinese diplomat to protest the use of water cannon against its vessels.

"{{1|The Philippine side has repeatedly infringed on China's sovereignty and deliberately created trouble. China will continue to take necessary measures to safeguard its rights,}}" <<1|foreign ministry spokesperson Lin Wenhao>> told a regular news briefing in Beijing.

<<2|Lin>> said the Philippine vessels had {{2|"illegally intruded"}} into waters near the shoal, which China calls Huangyan Island, and {{2|urged Manila to "stop making provocations and spreading false narratives."}}

The Philippine coast guard said two of its ships were hit by water cannon on Saturday while escorting fishing boats, injuring three crew members and damaging a navigation mast.

<<15|Philippine foreign affairs spokeswoman Teresa Dalisay>> said in a statement that {{15|Manila had lodged a formal diplomatic protest}}. "{{3|The Philippines will not be intimidated. We will continue to assert our sovereign rights in accordance with international law,}}" <<3|the statement>> said.

The confrontation is the latest in a series of incidents that have raised tensions between the two neighbours and drawn in Washington, which has a mutual defence treaty with Manila.

"{{4|The United States stands with our Philippine allies}}," <<4|the U.S. ambassador in Manila, Caroline Reyes>>, wrote on X on Sunday. "{{4|These dangerous actions threaten regional peace and stability.}}"

Beijing has rejected a 2016 ruling by an international tribunal that found its sweeping claims to the South China Sea had no legal basis. Asked about the ruling on Monday, Lin repeated China's long-standing position.

"{{5|The so-called arbitration award is illegal, null and void. China does not accept or recognise it}}," <<5|Lin>> said.

<<6|Analysts>> said {{6|neither side appeared ready to back down}}. <<14|Rommel Abad, a maritime security researcher at the University of the Philippines>>, said {{14|Manila's strategy of publicising each encounter had raised the diplomatic cost for Beijing}}.

"{{7|Every video the coast guard releases is a message to the world,}}" <<7|he>> said. "{{7|Beijing hates that, because it wants these things to happen in the dark.}}"

In Beijing, state media took a harder line. <<12|An editorial in the Global Times>> warned that {{12|Manila was "playing with fire" and that China's patience "should not be mistaken for weakness."}}

Philippine President Ramon Villareal, speaking to reporters during a visit to a naval base in Palawan, sought to lower the temperature. <<8|He>> said his government would {{8|"exhaust every diplomatic channel"}} but {{8|would not give up "a single square inch" of Philippine territory}}.

"{{9|We are not looking for a fight. We are looking for respect,}}" <<9|Villareal>> said.

Japan and Australia also expressed concern. <<10|A Japanese foreign ministry official>>, speaking on condition of anonymity because he was not authorised to speak publicly, said: "{{10|Any one-sided move to alter the status quo by force is unacceptable anywhere.}}"

<<13|China's foreign ministry>> said {{13|it had lodged "stern representations" with Tokyo and Canberra}} in response.
"""),

("qn-06-governor-tweets", "2024-07-02", {3: "mixed", 7: "indirect", 9: "mixed"}, """
Georgia governor, Atlanta mayor spar online after water main failures

ATLANTA — A feud between Georgia's governor and Atlanta's mayor over the city's crumbling water system spilled onto social media this week, as tens of thousands of residents endured a fourth day without reliable tap water.

"{{1|Atlanta has had years and hundreds of millions of dollars to fix this system. Georgians deserve answers, not excuses}}," <<1|Gov. Bradley Hoyt>> wrote on X late Monday, sharing a photograph of a flooded street in Midtown.

Mayor Keisha Danforth responded less than an hour later. "{{2|Happy to take the Governor's help anytime. The state's offer of zero dollars is noted}}," <<2|she>> posted.

The exchange drew thousands of replies and quickly became a proxy fight between the Republican governor and the Democratic mayor, who are widely expected to face each other in a statewide race in two years.

At a news conference on Tuesday morning, <<3|Danforth>> struck a more measured tone, calling the outages {{3|"unacceptable"}} and saying {{3|crews had worked "around the clock" to repair two major breaks}}.

"{{4|I am not going to stand here and tell you that everything is fine. It is not fine}}," <<4|she>> said. "{{4|But we are going to fix it, and we are going to tell you the truth while we do.}}"

The breaks began Friday when a 48-inch main ruptured downtown, cutting off water to hospitals, hotels and thousands of homes. A second break in West End followed on Saturday.

Residents lined up for bottled water at fire stations across the city. "{{5|We've been buying water for four days. Nobody tells us anything}}," said <<5|Maria Gonzalez, 62, who lives near the West End break>>. "{{5|My grandson has asthma. We need this fixed.}}"

Hoyt's office said in a statement on Tuesday that the governor had directed the Georgia Emergency Management Agency to deliver water and generators. "{{6|The state will always step up for the people of Atlanta, even when City Hall won't,}}" <<6|the statement>> said.

Some of the mayor's allies in the City Council were critical of her administration, too. <<7|Councilman Derrick Lowe>> told reporters {{7|the city's watershed department had ignored repeated warnings about aging pipes}}.

"{{8|We had reports on this in 2019, in 2021 and last year. It's all in writing}}," <<8|Lowe>> said.

Danforth, asked about the criticism, said she took responsibility. But <<9|she>> also described the pipes as {{9|"older than most people in this room"}} and {{9|blamed "decades of underinvestment" by previous administrations and the state}}.

The spat online continued into Tuesday evening. <<10|Hoyt>> posted a video of himself handing out water in southwest Atlanta with the caption: "{{10|Actions, not tweets.}}"

<<11|Danforth>> replied with a single line: "{{11|Agreed. Send the check.}}"

Political observers said neither side was likely to emerge unscathed. "{{12|Voters don't like to see politicians fighting while their taps are dry}}," said <<12|Andra Gillespie, a political scientist at Emory University>>. "{{12|Whoever looks like they're solving the problem wins this one.}}"

City officials said Tuesday night that water pressure had been restored to most neighborhoods but that a boil-water advisory would remain in effect for at least 48 hours. The cause of the breaks is under investigation.
"""),

("qn-07-surveillance-bill", "2024-04-12", {1: "mixed", 3: "mixed", 6: "mixed", 8: "indirect", 10: "mixed", 12: "mixed", 13: "mixed", 14: "mixed", 15: "indirect"}, """
Senate narrowly renews surveillance powers after all-night session

WASHINGTON — The Senate voted 60 to 34 early Saturday to reauthorize a contested foreign surveillance program, hours before it was set to lapse, after a coalition of progressive Democrats and libertarian Republicans failed to add a warrant requirement.

The program, known as Section 702, allows intelligence agencies to collect the communications of foreigners abroad without a warrant. Critics say it also sweeps up the messages of Americans, which the F.B.I. can then search.

<<1|Sen. Rowan Elwood>>, a Democrat from Oregon, called the bill {{1|"a disgrace"}} and {{1|said it gave the government "a blank check to read Americans' email."}} He was among the 34 senators who voted against it.

"{{2|We are told, every single time, that the sky will fall if we ask for a warrant. The sky has not fallen. The Constitution has simply been ignored}}," <<2|Elwood>> said on the Senate floor shortly after midnight.

The debate recalled the fights over the so-called "Patriot Act" two decades ago, when many of the same arguments were made. Several senators quoted from the 1975 Church Committee report, and one held up a copy of George Orwell's "Nineteen Eighty-Four" during his remarks.

<<3|Sen. Carla Whitfield>>, the senator from Ohio who led the Republican effort for a warrant requirement, said the vote was {{3|"a missed opportunity"}} but {{3|that the fight was "far from over."}}

Supporters of the bill argued that a warrant requirement would cripple the program. "{{4|If you require a warrant for every query, you will miss the next attack. It is that simple}}," <<4|Sen. Marcus Delacroix>>, the chairman of the Intelligence Committee, told colleagues.

The White House welcomed the vote. "{{5|This legislation keeps Americans safe and preserves one of our most important intelligence tools}}," <<5|the national security adviser, Jordan Pike>>, said in a statement.

Privacy groups were scathing. <<6|The Electronic Frontier Foundation>> described the outcome as {{6|"a betrayal"}} of promises made during last year's negotiations, when <<13|leaders>> pledged to {{13|"take reform seriously."}}

The House had approved its version of the bill last week after a similar fight. Speaker Mike Delaney had struggled to hold his conference together after <<12|former President Harlan Reese>> posted on his social media site urging {{12|Republicans to "KILL FISA."}}

"{{7|I have been clear about this from the start. We need the program, and we need real safeguards,}}" <<7|Delaney>> told reporters on Friday. "{{7|This bill has both.}}"

<<8|Some members of the House Freedom Caucus>> said {{8|they had been misled about the scope of the changes}} and threatened to retaliate on unrelated spending bills.

The debate also touched on a secret ruling by the Foreign Intelligence Surveillance Court that critics say expanded the kinds of companies that can be compelled to help with surveillance. <<14|Elwood>> called {{14|the provision the "Everybody's a Spy" clause}}, a phrase that was repeated several times on the floor.

"{{9|If you own a building with a Wi-Fi router, congratulations. You may now be part of the intelligence community}}," <<9|he>> said.

Intelligence officials have dismissed that interpretation. <<10|A senior administration official>>, briefing reporters on the condition of anonymity, said the provision was {{10|"narrow and targeted"}} and {{10|had been "wildly mischaracterized."}}

The reauthorization runs for two years, setting up another fight in the spring of 2026. <<15|Elwood>> said {{15|he would keep pushing}}.

"{{11|We lost tonight. We'll be back}}," <<11|he>> said as he left the chamber.
"""),

("qn-08-film-protest", "2023-09-18", {2: "mixed", 5: "indirect", 7: "mixed", 10: "mixed", 11: "mixed", 12: "mixed", 13: "mixed", 14: "indirect", 15: "indirect", 16: "indirect"}, """
Culture minister defends funding for documentary that angered coalition partners

PARIS — France's culture minister on Monday defended public funding for a documentary about police violence in the suburbs, as members of the governing coalition demanded that the grant be withdrawn.

The film, "Les Nuits de Clichy," follows three families over a year after a teenager was killed during a police chase in 2021. It premiered at the Venice Film Festival this month to strong reviews and is due in French cinemas in November.

"{{1|It is not the job of a minister to decide which stories may be told. It is the job of a minister to make sure they can be told}}," <<1|Culture Minister Hélène Garnier>> said in an interview with France Inter radio.

Members of the centre-right Horizons party, a partner in the governing coalition, have attacked the film as one-sided. <<2|Its parliamentary leader, Laurent Bessières>>, said the grant of €450,000 from the National Centre for Cinema was {{2|"an insult to the police officers who risk their lives every night"}} and {{2|demanded that it be "reconsidered without delay."}}

The row has exposed deeper divisions in a government that has struggled to agree on policing since riots swept the country last year. <<10|Officers' unions>> have also joined the criticism, calling {{10|the film "propaganda"}} in a joint statement.

"{{3|We do not ask for censorship. We ask for balance. Where is the voice of the officer in this film?}}" <<3|Grégory Mauduit, secretary general of the Alliance police union>>, said at a press conference.

<<14|The film's director, Samir Belkacem>>, said {{14|he had asked the national police for interviews three times and received no answer}}. "{{4|The door was closed. I filmed the people who opened their doors to me,}}" <<4|he>> told the newspaper Le Monde.

<<5|The Interior Ministry>> said {{5|it had no record of the requests}} and would look into the matter.

Belkacem's earlier work, a short film titled "Le Silence," won a César in 2019, and critics have compared the new documentary to Ladj Ly's "Les Misérables." <<11|The Venice jury>> gave it a special mention, describing {{11|it as "urgent and humane."}}

Garnier rejected the suggestion that the government was taking sides. "{{6|This government supports the police. This government also supports artists. I do not see a contradiction}}," <<6|she>> said.

Asked whether she had seen the film, <<15|Garnier>> said {{15|she had, at a private screening last week}}. <<7|She>> described it as {{7|"difficult to watch"}} and said {{7|it had left her "with more questions than answers."}}

The opposition seized on the dispute. "{{8|The government cannot agree with itself on anything, not even on a film}}," <<8|the Socialist leader, Olivier Ferrand>>, wrote on X.

On the far right, the National Rally accused the culture ministry of financing what <<12|its spokesman>> called {{12|"anti-police activism"}} with taxpayers' money. The party said it would table an amendment to cut the cinema centre's budget during next month's debate on the finance bill.

Cinema professionals rallied behind the director. <<13|An open letter signed by more than 300 directors, actors and producers>>, published in the newspaper Libération, warned against {{13|"political interference in artistic choices."}}

"{{9|If a grant can be withdrawn because a party does not like the subject, there is no more independent cinema in France}}," <<9|the actress Camille Dorval, one of the signatories>>, said on Monday.

<<16|The National Centre for Cinema>> said {{16|the grant had been awarded by an independent committee in accordance with its rules and would not be reviewed}}.
"""),

("qn-09-following-speaker", "2024-01-25", {3: "mixed", 6: "indirect", 9: "mixed", 13: "mixed"}, """
Oversight panel clashes over Pentagon audit failures

WASHINGTON — A House Oversight subcommittee hearing on the Pentagon's sixth consecutive failed audit turned into a shouting match on Thursday, as lawmakers traded accusations over who was to blame for the Defense Department's inability to account for trillions of dollars in assets.

"{{1|If any other organization in America failed its audit six years running, somebody would be in handcuffs.}}" The remark came from <<1|Rep. Nathaniel Byers>>, a Republican from Tennessee, who opened the session by holding up a binder of the inspector general's findings.

"{{2|Let's not pretend this started last year. The audit has failed under every administration since we started doing it.}}" That was the response of <<2|the subcommittee's ranking Democrat, Rep. Anita Sorensen>> of Minnesota.

<<13|The Pentagon's comptroller, Michael Ostrander>>, told lawmakers {{13|the department had made "meaningful progress,"}} pointing to improvements in how the Army tracks equipment. <<3|He>> acknowledged, however, that a clean audit was {{3|"years away,"}} and {{3|said the department hoped to achieve one "by the end of the decade."}}

<<4|Byers>> was unimpressed. "{{4|By the end of the decade. We've heard that before, Mr. Ostrander. Your predecessor told us the same thing in 2018.}}"

<<5|The comptroller>> replied: "{{5|I understand the frustration, Congressman. I share it. But the department is the size of a Fortune 10 company with the complexity of fifty of them.}}"

The hearing also featured testimony from the inspector general, <<6|Celeste Waring>>, who said {{6|her office had identified more than 4,000 open recommendations dating back over a decade}}.

"{{7|Many of these are not complicated. They require management attention, and they have not received it}}," the <<7|inspector general>> said.

One of the sharpest exchanges came when a freshman Democrat from California asked Ostrander how much the department spent on the audit itself. "{{8|Roughly a billion dollars a year}}," <<8|the comptroller>> answered, drawing gasps from the audience.

<<9|The congresswoman, Rep. Lucia Moreno>>, called that figure {{9|"absolutely staggering"}} and asked whether taxpayers were getting their money's worth.

"{{10|Yes, I believe they are, because without the audit we would not know what we don't know.}}" <<10|Ostrander>>'s answer prompted laughter from both sides of the dais.

Watchdog groups said the hearing showed how little had changed. "{{11|The Pentagon is the only federal agency that has never passed an audit. That is a scandal, and both parties own it}}," said <<11|Dylan Hart, an analyst at the Project on Government Oversight>>.

Late in the hearing, <<12|Sorensen>> returned to the question of accountability.

"{{12|I would like to see a single senior official lose their job over this. Just one. Can you name anyone?}}

"{{12|Because if you can't, then I think we know why nothing changes.}}"

Ostrander did not name anyone. Sorensen, visibly frustrated, gaveled the hearing to a close a few minutes later.

The subcommittee is expected to release a report on the audit in the spring. Byers said he would push for legislation tying future Pentagon budget increases to audit progress, a proposal that has failed in previous Congresses.
"""),

("qn-10-eu-trade", "2024-06-11", {3: "mixed", 6: "indirect", 9: "mixed", 11: "mixed", 12: "indirect"}, """
Brussels and London edge toward veterinary deal as fishing row lingers

BRUSSELS — British and European Union negotiators said on Tuesday they were close to an agreement that would remove most checks on food and animal products crossing the Channel, but a dispute over fishing rights threatened to delay the deal until the autumn.

Speaking after a meeting of the joint partnership council, <<1|the EU's chief negotiator, Maroš Lindgren>>, was cautiously upbeat: “{{1|We are not there yet, but for the first time I can see the landing zone. Both sides want this, and both sides understand what it will take.}}”

His British counterpart, Cabinet Office minister Fiona Adebayo, struck a similar note. “{{2|I’d describe today as ‘constructive, with homework’. There is a deal to be done and we intend to do it}},” <<2|she>> told reporters outside the Berlaymont building.

A veterinary, or sanitary and phytosanitary, agreement would cut the paperwork that British exporters say has crippled trade in meat, cheese and shellfish since Britain left the bloc. <<3|The National Farmers’ Union>> has called the current system {{3|“a bureaucratic nightmare”}} that {{3|costs small producers “thousands of pounds a month.”}}

The sticking point is fish. France and Denmark want guarantees that their boats will keep access to British waters beyond 2026, when the current arrangements expire. London wants to keep the two issues separate.

“{{4|Fishing is fishing, and food safety is food safety. We are not going to trade one for the other}},” <<4|Adebayo>> said.

That stance drew a sharp response from Paris. <<5|France’s Europe minister, Clément Roussel>>, told the newspaper Les Echos: “{{5|If the British think they can pick only the parts of the relationship that suit them, they will be disappointed. As we say in Brussels, ‘nothing is agreed until everything is agreed.’}}”

Diplomats from several other member states were more relaxed. <<6|One EU diplomat>> said {{6|most capitals were keen to get the veterinary deal done quickly and did not want it held hostage by the fishing dispute}}.

Business groups on both sides of the Channel urged negotiators to move faster.

“{{7|Every month without a deal is another month of lorries queuing at Dover and cheese rotting in the back of them.}}

“{{7|Our members cannot wait until the autumn. Some of them will not be in business by then}},” <<7|said Ruth Kendall, director of international trade at the British Chambers of Commerce>>.

In Britain, the prospect of a deal has reopened old arguments. <<11|Some Conservative MPs>> warned that {{11|accepting EU food rules would mean taking laws “made in Brussels” without a vote in Parliament}}.

<<8|Sir Geoffrey Lamb>>, a veteran Eurosceptic, wrote on X: “{{8|We did not take back control of our laws in order to hand them straight back. This is Brexit betrayal by the back door.}}”

Downing Street dismissed the criticism. <<9|A government spokesperson>> said the deal would be {{9|“in the national interest”}} and that Parliament would have {{9|“every opportunity to scrutinise it.”}}

<<12|Lindgren>> said {{12|he hoped to return to London before the summer break}}. Asked whether a deal could be signed by September, <<10|he>> replied — with a smile — “{{10|I am a negotiator. I never make predictions about dates.}}”

Officials said technical talks would continue in London next week, with a focus on border control posts and the role of the European Court of Justice in settling disputes.
"""),

("qn-11-odd-marks", "2024-08-29", {3: "mixed", 7: "indirect", 9: "mixed", 12: "indirect"}, """
Kenyan president vows to press on with tax plan despite protests

NAIROBI — Kenya's president said on Thursday that his government would reintroduce parts of a finance bill that triggered deadly protests in June, arguing that the country had no choice but to raise revenue to service its debts.

"{{1|We cannot run a country on borrowed money forever. Somebody has to pay the bills, and it cannot always be our grandchildren}}," <<1|President Daniel Mwangi>> said in a televised address from State House.

The original bill, which included new taxes on bread, mobile money transfers and sanitary products, was withdrawn after thousands of young protesters stormed the parliament building. Rights groups say at least 60 people were killed in the unrest.

Opposition leaders reacted with fury. "{{2|The president has learned nothing. Nothing. The young people of this country told him what they think of his taxes, and he has decided not to listen,}}" <<2|said Wanjiru Kamau, leader of the opposition in the National Assembly>>.

<<12|Mwangi>> insisted {{12|the new measures would be different}}. <<3|He>> said the government would {{3|"listen to every voice"}} and {{3|that the revised bill would "protect the poorest Kenyans" by exempting basic foods.}}

The International Monetary Fund, which is reviewing a $3.6 billion loan programme with Kenya, has pressed the government to narrow its budget deficit. In a statement on Wednesday, <<4|the fund>> said: "{{4|The authorities remain committed to the programme's objectives, and staff will continue to engage with them on a revised fiscal path.}}"

Protest organisers, many of whom mobilised on social media under the slogan "Reject Finance Bill, said they would return to the streets if the government pressed ahead.

"{{5|We are not afraid. They killed our friends and we are still here}}," <<5|Esther Njoroge, a 24-year-old activist who helped organise the June marches>>, told Reuters by phone. "{{5|If they bring this bill back, we will bring Nairobi to a standstill.}}"

The president's address also touched on police conduct during the protests. "{{6|Where officers broke the law, they will face the law}}," <<6|Mwangi>> said. "{{6|No one is above accountability in this republic.}}"

Human rights groups were unconvinced. <<7|Amnesty International Kenya>> said {{7|not a single officer had yet been charged over the killings}}, despite video evidence in several cases.

<<8|Its executive director, Houghton Irungu>>, said in a statement: "{{8|Words are cheap. Kenyans want to see arrests, prosecutions and justice for the families who buried their children.}}"

Economists said the government faced a difficult balancing act. <<9|Kwame Otieno, an economist at the University of Nairobi>>, described the choice as one between {{9|"a fiscal crisis and a political one"}}.

"{{10|There is no painless option here. Every shilling of new tax will hurt someone, and after June, the government has very little trust to spend}}," <<10|he>> said.

The revised bill is expected to be tabled in parliament next month. Mwangi's allies hold a majority in both chambers, but several members of his own party have said they will not support new taxes on basic goods.

"{{11|I voted for the last bill and I regret it. I will not make that mistake twice}}," <<11|one ruling-party MP from Nyeri, Peter Gachanja>>, told the Nation newspaper.
"""),

("qn-12-un-council", "2024-02-27", {4: "mixed", 7: "indirect", 9: "mixed", 11: "indirect", 12: "indirect", 13: "indirect", 14: "indirect", 15: "indirect", 16: "indirect"}, """
Security Council deadlocks again as aid agencies warn of famine in Sudan

UNITED NATIONS — The U.N. Security Council failed again on Tuesday to agree on a resolution calling for a ceasefire in Sudan, as aid agencies warned that millions of people were at risk of famine after ten months of war.

The draft, put forward by Britain, won 13 votes but was vetoed by Russia. China abstained.

“{{1|Today the council had a chance to show the people of Sudan that the world has not forgotten them. One member chose to block it}},” <<1|Britain’s ambassador to the United Nations, Dame Eleanor Voss>>, told the council after the vote.

<<11|Russia’s deputy ambassador, Grigory Lebedev>>, said {{11|the text was unbalanced}}. “{{2|This draft ignores the sovereignty of Sudan and the legitimate authorities in Port Sudan. We cannot support a document written to serve Western interests}},” <<2|he>> said.

{{12|The war between the Sudanese army and the paramilitary Rapid Support Forces has killed tens of thousands of people and displaced more than eight million — the largest displacement crisis in the world}}, according to <<12|the U.N.>>

<<3|Martin Griffiths>>, the U.N.’s top humanitarian official, addressed the council before the vote. His message was blunt.

“{{3|Time is running out. In Darfur, in Kordofan, in Khartoum, people are already dying of hunger. If we do not get access in the next weeks — not months, weeks — we will be counting the dead in the hundreds of thousands.}}”

<<13|The World Food Programme>> has said {{13|it can reach only a fraction of those in need because of fighting and restrictions by both sides}}. <<4|Its executive director, Cindy Marsh>>, described the situation in parts of Darfur as {{4|“catastrophic”}} and {{4|said aid convoys had been “shot at, looted and turned back.”}}

<<16|Sudan’s envoy, Ambassador Hassan Idris>>, blamed {{16|the RSF for the crisis}}. “{{5|The militia is using starvation as a weapon of war — this is not a conflict between two equal parties}},” <<5|he>> told the council.

<<14|The United States>>, which supported the British draft, said {{14|it would pursue other options}}. “{{6|We will not let one veto be the final word on Sudan}},” <<6|the U.S. deputy ambassador, Robert Kinsale>>, said.

Outside the chamber, <<7|diplomats>> said {{7|there was little prospect of a new text before next month}}, when the council presidency passes to a new member.

Aid groups were scathing about the council’s paralysis. <<8|Jan Erikson, the secretary general of the Norwegian Refugee Council>>, said in a statement: “{{8|The world’s most powerful body has once again looked at the world’s worst humanitarian crisis and shrugged. History will judge this harshly.}}”

The African Union has pushed for talks between the two generals leading the warring sides. <<9|Its commission chairman>> called on both to {{9|“silence the guns”}} and return to negotiations in Jeddah.

<<15|Griffiths>> said {{15|his office would continue to press both parties for access}}. Asked by a reporter whether he was losing hope, he paused.

“{{10|No. I am losing patience — that’s different}},” <<10|he>> said. “{{10|Hope is the one thing we cannot afford to lose.}}”

The council is expected to hold another emergency session on Sudan in March.
"""),

("qn-13-election-night", "2024-11-06", {5: "mixed", 8: "indirect", 10: "mixed", 12: "mixed", 13: "indirect"}, """
Democrat flips Pennsylvania House seat as suburban voters shift

DOYLESTOWN, Pa. — Democrat Jenna Alvarez won a hard-fought race for Pennsylvania's 1st Congressional District on Tuesday, unseating a four-term Republican in a Philadelphia suburb that both parties had treated as a bellwether.

Speaking to supporters in a hotel ballroom shortly after midnight, Alvarez thanked volunteers who had knocked on what her campaign said were more than 400,000 doors.

"{{1|You did this. Not the ads, not the pundits, not the super PACs. You did this, one door at a time.}}

"{{1|When I started this campaign, people told me this district wasn't winnable. They told me Bucks County would never send a working mom who grew up in a trailer park to Congress.}}

"{{1|Well, here we are}}," <<1|she>> said, to roaring applause.

The Associated Press called the race at 11:47 p.m., with Alvarez leading by about six percentage points. The incumbent, Rep. Frank DeLuca, conceded about an hour later.

"{{2|I called Jenna Alvarez and congratulated her on her victory. The voters have spoken, and I respect their decision}}," <<2|DeLuca>> told supporters in Newtown. "{{2|I will do everything I can to make sure the transition is smooth.}}"

DeLuca, a former county prosecutor, had run as a moderate, stressing his votes for infrastructure spending and against a national abortion ban. But <<13|he>> acknowledged {{13|that the national environment had been difficult}}.

"{{3|We ran a good race. Sometimes the wind is just blowing the other way}}," <<3|he>> said.

Alvarez, 41, is a former nurse and school board member who entered politics after a fight over school funding in her hometown of Bristol. <<4|She>> campaigned heavily on health care costs, telling voters in one widely shared ad: "{{4|I've seen what an emergency room bill does to a family. I'm going to Washington to fix it.}}"

<<5|Republicans>> had spent heavily in the final weeks, running ads that labeled {{5|her as "too extreme for Bucks County."}} <<12|Alvarez>> called {{12|the ads "desperate"}} in a debate last month.

Voters interviewed outside polling places on Tuesday cited the economy and abortion rights. "{{6|Prices are still too high, but I just couldn't vote for a party that wants to take away my daughter's rights}}," said <<6|Karen Whitley, 58, a retired teacher from Langhorne>>.

Others were sticking with the incumbent. "{{7|Frank's done a good job. He shows up. I don't know anything about her}}," said <<7|Tom Brennan, 67, a contractor from Yardley>>.

National Democrats quickly claimed the result as proof of their suburban strength. <<8|The Democratic Congressional Campaign Committee>> said {{8|the win showed that voters rejected Republican extremism}}.

"{{9|Jenna Alvarez is exactly the kind of candidate who wins in places like Bucks County, and we're going to see more of them}}," <<9|the committee's chair, Rep. Suzanne Barlow>>, said in a statement.

Republicans played down the loss. <<10|A spokesman for the National Republican Congressional Committee>> said the district had always been {{10|"a tough hold"}} and {{10|predicted the seat would be "back in play in two years."}}

Alvarez will be sworn in in January. Asked what she would do first, <<11|she>> laughed.

"{{11|Sleep. Then I'm going to find my office.}}"
"""),

("qn-14-rally", "2016-09-12", {3: "mixed", 5: "indirect", 8: "mixed", 10: "indirect", 12: "mixed", 14: "mixed", 15: "mixed", 17: "indirect"}, """
Whitaker hits back at Brandt over 'basket' remark at packed Ohio rally

CANTON, Ohio — <<14|Republican presidential nominee Gordon Whitaker>> on Monday seized on his rival's description of some of his supporters, telling thousands of people at a rally here that {{14|Democrat Ellen Brandt had "insulted half the country."}}

"{{1|She called you deplorable. Can you believe it? Deplorable! These are hardworking people, and she looks down on them from her mansion}}," <<1|Whitaker>> said, drawing boos for his opponent.

<<2|He>> added, "{{2|I will be a president for all Americans, including the ones who don't give money to the Brandt Foundation.}}"

Whitaker's campaign quickly turned the remark into a fundraising email. <<3|The email>> called Brandt's comment {{3|"the most shameful moment of this campaign"}} and asked donors to chip in $25.

Brandt, speaking at a fundraiser in New York on Friday, had said that half of Whitaker's supporters belonged in what <<15|she>> called {{15|a "basket of deplorables."}} On Saturday <<4|she>> issued a statement saying: "{{4|Last night I was grossly generalistic, and that's never a good idea. I regret saying half — that was wrong.}}"

But <<5|she>> stood by the substance of her criticism, saying {{5|Whitaker had given a platform to hateful views}}.

At the rally, <<6|Whitaker>> mocked the apology. "{{6|She didn't apologize. She said she was sorry about the number. The number!}}"

<<16|The crowd>> chanted "{{16|Lock her up}}" as he spoke about Brandt's use of a private email server as secretary of state, a subject that has dogged her campaign for more than a year.

<<17|Brandt's campaign manager, Rob Mooney>>, said in an interview on CNN's "State of the Union" that {{17|the Republican nominee was trying to change the subject}}. "{{7|Every time Gordon Whitaker has a bad week, he finds something to be outraged about. It's the oldest trick in the book,}}" <<7|he>> said.

Some Republicans were uneasy about the tone of the rally. <<8|Sen. Paul Ridley of Nebraska>>, who has said he will not vote for Whitaker, wrote on Twitter that {{8|both candidates should "stop insulting voters and start talking about jobs."}}

Polls show the race tightening in Ohio, which has voted for the winner of every presidential election since 1964. A Quinnipiac University survey released last week had Whitaker ahead by one point, within the margin of error.

"{{9|Ohio is going to decide this thing, and we're going to win Ohio, believe me}}," <<9|Whitaker>> told reporters on his plane after the rally. "{{9|The people here get it.}}"

<<10|Brandt aides>> said {{10|she would return to the state next week for two events in Cleveland and Columbus}}.

"{{11|We have always known Ohio would be close. We're going to fight for every vote}}," <<11|campaign spokeswoman Jen Kaplan>> said. "{{11|That hasn't changed.}}"

Whitaker also took aim at the news media, which he has repeatedly accused of bias. <<12|He>> described reporters at the back of the hall as {{12|"the most dishonest people"}} and {{12|said coverage of his campaign had been "a disgrace."}}

The Brandt campaign released a new television ad on Monday evening featuring footage of Whitaker mocking a disabled reporter last year. "{{13|Is this who we want our children to look up to?}}" <<13|a narrator>> asks at the end.

Whitaker will campaign in Pennsylvania on Tuesday.
"""),

("qn-15-interview", "2016-06-03", {4: "indirect", 7: "mixed", 10: "indirect", 12: "indirect", 13: "indirect", 14: "indirect", 15: "indirect", 16: "indirect"}, """
Former governor says party must 'look in the mirror' after primary losses

DES MOINES — In a wide-ranging interview on Thursday, <<16|former Iowa governor Richard Stenberg>> offered a blunt assessment of his party's prospects in November and warned that {{16|its leaders had lost touch with rural voters}}.

"{{1|We took these people for granted for twenty years. Now they're taking us for granted, and who can blame them?}}" <<1|Stenberg>>, a Democrat who served two terms in the 1990s, said in his office overlooking the state Capitol.

Stenberg, 74, has not endorsed a candidate in the presidential race. Asked whether he would, <<2|he>> shook his head.

"{{2|Not yet. Maybe not at all. I want to hear somebody talk about the farm economy like they've actually been on a farm.}}"

His comments come as Democrats struggle to regain ground in the Midwest. The party lost both of Iowa's Senate seats and three of its four House seats over the last decade.

<<12|Party chairwoman Lisa Harrow>> disputed {{12|the idea that Democrats had written off rural voters}}. "{{3|We have organizers in all 99 counties. That is not what writing people off looks like}}," <<3|she>> said in a phone interview.

<<4|Harrow>> said {{4|the party had opened eight new field offices this spring, more than in any previous cycle}}.

Still, <<15|Stenberg>> said {{15|the problem was one of message, not money}}. "{{5|You can open a hundred offices. If the people in them are talking about things nobody in Ottumwa cares about, it doesn't matter.}}

"{{5|I'll tell you what people care about here — it's whether their kid can find a job without moving to Chicago. That's it. That's the whole ballgame}}," <<5|he>> said.

Republicans were happy to amplify the criticism. "{{6|Even Democrats are admitting it now: their party has abandoned rural Iowa}}," <<6|state GOP chairman Dale Kinsey>> said in a statement.

Stenberg, who still keeps a small farm outside Ames, was careful not to criticize either of his party's presidential candidates by name. But <<7|he>> described the primary campaign as {{7|"a conversation between people who live on the coasts"}} and {{7|said he had not heard "the word 'ethanol' once" in the debates}}.

Asked what advice he would give the eventual nominee, he laughed.

"{{8|Come to the State Fair. Eat a pork chop on a stick. And listen — actually listen — to what people tell you}}," <<8|the former governor>> said.

<<13|Stenberg's former chief of staff, Martha Lindahl>>, said {{13|the governor had always been candid}}. "{{9|He has never been one to hold his tongue. That's what people loved about him, and it's what drove some of us crazy}}," <<9|she>> said with a laugh.

<<10|Political analysts>> said {{10|the state was likely to be competitive in November, though Republicans had gained ground among working-class voters}}.

<<11,14|Stenberg>> said {{14|he planned to attend the party's state convention later this month}}. "{{11|I'll be there. I'll be the old guy in the back, grumbling.}}"
"""),

("qn-16-brexit-court", "2019-09-24", {3: "mixed", 6: "indirect", 9: "mixed", 11: "indirect", 14: "indirect", 15: "mixed"}, """
Supreme Court rules suspension of Parliament unlawful

LONDON — The UK Supreme Court ruled on Tuesday that the Prime Minister's decision to suspend Parliament for five weeks was unlawful, a stunning rebuke that sent MPs hurrying back to Westminster.

Reading the unanimous judgment of the 11 justices, <<1|the court's president, Lady Hale>>, said: “{{1|The decision to advise Her Majesty to prorogue Parliament was unlawful because it had the effect of frustrating or preventing the ability of Parliament to carry out its constitutional functions without reasonable justification.}}”

<<2|She>> added: “{{2|This court has already concluded that Parliament has not been prorogued.}}”

The ruling means the suspension was void, and the Speaker of the House of Commons, <<14|Sir Edward Bellamy>>, said {{14|the chamber would sit again at 11.30am on Wednesday}}. <<3|He>> said MPs must be able to {{3|“hold the executive to account”}}.

<<15|The Prime Minister>>, who was in New York for a United Nations meeting, said {{15|he "strongly disagreed" with the decision but would respect it}}. “{{4|I have the utmost respect for our judiciary. I don't think this was the right decision}},” <<4|he>> told reporters.

“{{5|Let's be clear: the government will not be deterred from delivering Brexit on 31 October}},” <<5|he>> said.

<<6|Gina Morrell, the businesswoman who brought the case>>, said outside the court that {{6|the ruling showed that no prime minister was above the law}}.

“{{7|Today is not a win for any individual or cause. It is a win for parliamentary sovereignty, the separation of powers and the independence of our British courts}},” <<7|she>> said, reading from a prepared statement as a crowd of supporters and opponents shouted at each other behind her.

Opposition parties demanded the Prime Minister's resignation. <<8|The Labour leader>> told his party conference in Brighton, where he brought forward his speech by a day: “{{8|I invite him, in the historic words, to consider his position.}}”

Some Conservatives rallied to the Prime Minister. <<9|The leader of the House of Commons, Jacob Rees-Whitley>>, was reported to have told a cabinet conference call that the judgment amounted to {{9|a “constitutional coup”}}, a phrase that Downing Street later declined to repeat.

The court's ruling was remarkable for its clarity. “{{10|It is impossible for us to conclude, on the evidence which has been put before us, that there was any reason — let alone a good reason — to advise Her Majesty to prorogue Parliament for five weeks}},” the <<10|judgment>> said.

<<11|Legal experts>> said {{11|the ruling was one of the most significant constitutional decisions in decades}}. <<12|Prof. Meg Russell of University College London>> called it “{{12|a landmark moment}}.”

“{{13|The court has said, in effect, that there are limits, and that the government cannot simply shut Parliament down when it becomes inconvenient}},” <<13|she>> said.
"""),

("qn-17-debate-prep", "2016-09-20", {4: "mixed", 7: "indirect", 9: "mixed", 13: "indirect", 6: "mixed", 14: "mixed", 15: "indirect"}, """
Brandt camp lowers expectations ahead of first debate; Whitaker says he won't prepare 'like a robot'

NEW YORK — Days before the first presidential debate, both campaigns were working hard on Tuesday to manage expectations, with <<14|Democrat Ellen Brandt's aides>> warning that {{14|their rival was a "master showman"}} and Republican Gordon Whitaker insisting he would not overprepare.

"{{1|He's a reality TV star. He knows how to perform. We're not going to underestimate him for a second}}," <<1|Brandt campaign chairman Jon Pedesta>> said on a conference call with reporters.

<<15|Whitaker>>, campaigning in Florida, said {{15|he would rely on instinct}}. <<2|He>> said, "{{2|I'm not going to sit in a room for ten hours memorizing lines like a robot. People want to hear what you really think.}}"

Asked about the moderator, <<3|Whitaker>> replied: "{{3|I hope he's fair. We'll see. The last few haven't been.}}"

According to <<4|two people familiar with the preparations>>, {{4|Brandt has been holding mock debates with a longtime aide playing Whitaker}}, and {{4|has studied hours of tape of his "most unhinged moments," as one of them put it}}.

"{{5|She is the most prepared candidate in the history of presidential debates}}," said <<5|Rep. Xavier Becerro (D-Calif.)>>, a Brandt surrogate. "{{5|But preparation only gets you so far against somebody who will say anything.}}"

Republicans close to Whitaker described a looser process. <<6|One adviser>>, who spoke on the condition of anonymity to discuss private conversations, said {{6|the nominee had held "a couple of sessions" but "hates being told what to say."}}

"{{8|The best thing we can do is let Gordon be Gordon}}," <<8|the adviser>> said.

<<7|Whitaker's running mate, Gov. Mark Spence of Indiana>>, said {{7|he expected a substantive debate}}. "{{9|The American people are going to see a clear choice — a choice between more of the same and real change}}," <<9|Spence>> told Fox News.

Whitaker also weighed in on Twitter on Tuesday morning. "{{10|Crooked Ellen is taking the day off again. She needs the rest. I will be in Florida and North Carolina!}}" <<10|he>> wrote.

The Brandt campaign responded with a statement from <<11|spokesman Brian Fallone>>: "{{11|While Gordon Whitaker tweets insults, Ellen Brandt is preparing to lay out her plans for the country. That's the difference.}}"

Polls show a close race nationally. A CNN/ORC poll released Monday had Brandt ahead by two points among likely voters, within the margin of error.

"{{12|Debates rarely change the outcome of an election, but in a race this tight, a single bad night can matter}}," said <<12|Lynn Vavreck, a political scientist at UCLA>> who studies campaigns. "{{12|Everyone will be watching for the one moment that defines it.}}"

<<13|Organizers>> said {{13|they expected more than 100 million viewers}}, which would make it the most-watched debate ever.
"""),

("qn-18-senate-email", "2016-10-29", {3: "mixed", 5: "indirect", 8: "mixed", 10: "indirect", 12: "mixed", 13: "indirect", 14: "indirect"}, """
FBI letter on new emails jolts race in final stretch

WASHINGTON — Ten days before the election, the director of the FBI told Congress on Friday that the bureau had found new emails that might be relevant to its closed investigation of Ellen Brandt's private server, upending the presidential race.

In a brief letter to the chairmen of several congressional committees, <<1|FBI Director James Comerford>> wrote that {{1|investigators had learned of "the existence of emails that appear to be pertinent to the investigation."}} <<14|He>> added that {{14|the bureau could not yet assess whether the material was significant}}.

Whitaker pounced within minutes. "{{2|This is bigger than Watergate}}," <<2|he>> told a cheering crowd in Manchester, N.H. "{{2|The system might be rigged, folks, but the truth is coming out.}}"

<<3|Rep. Jason Chafitz (R-Utah)>>, the chairman of the House Oversight Committee, wrote on Twitter that the case had been {{3|"reopened,"}} a characterization the letter did not support.

<<12|Brandt>>, speaking to reporters in Des Moines on Friday evening, called on {{12|the FBI to release "all the information that it has."}}

"{{4|The American people deserve to get the full and complete facts immediately}}," <<4|she>> said. "{{4|It's imperative that the bureau explain this issue in question, whatever it is, without any delay.}}"

Democrats were furious. <<5|Senate Minority Leader Harry Reed>> said {{5|Comerford might have violated federal law that bars officials from using their positions to influence an election}}.

"{{6|Through your partisan actions, you may have broken the law}}," <<6|Reed>> wrote in a letter to the director released on Sunday.

<<7|A law enforcement official>>, speaking on condition of anonymity, told The Washington Post: "{{7|Nobody here wanted to do this ten days out. But the director felt he had no choice once the emails turned up.}}"

Republicans cheered the development. <<8|Speaker Paul Rayan>> called for Brandt to be denied classified briefings and said her handling of classified information was {{8|"a disqualifying issue."}}

Inside the Brandt campaign, the mood was grim. "{{9|We were finally closing the deal. Now this}}," <<9|one senior aide>> said. "{{9|It's like a punch in the stomach.}}"

<<10|Strategists in both parties>> said {{10|it was too early to know whether the letter would move voters}}, many of whom had already cast ballots.

"{{11|Most people made up their minds about the emails a long time ago}}," <<11|said Republican pollster Frank Lunz>>. "{{11|But in a close race, even a point or two is a big deal.}}"

The FBI declined to comment beyond the letter. <<13|A spokeswoman for the Justice Department>> said {{13|officials there had warned the director against sending it}}, citing longstanding policy.
"""),
]
