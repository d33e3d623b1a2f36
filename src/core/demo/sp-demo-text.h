/* sp-demo-text.h: the demo district's names and the fragments its cases
 * are composed from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to the sp-demo*.c files: the tables are static, and each file
 * keeps only those it uses. Kept apart so that the generator's logic stays
 * readable. All text is
 * Swedish on purpose: it is what a Swedish district's cases look like.
 */

#pragma once

#include "sp-enums.h"

/* ---- Reference data ---------------------------------------------------- */

static const char * const category_codes[] = {
  "treatment", "quality", "information", "accessibility", "case_handling",
  "staff_continuity", "premises_environment", "food_meals", "fees", "other",
};
static const char * const category_names[] = {
  "Bemötande", "Kvalitet", "Information", "Tillgänglighet", "Handläggning",
  "Personal/kontinuitet", "Lokaler och miljö", "Mat och måltider", "Avgifter", "Övrigt",
};

typedef struct
{
  const char *name;
  SpArea      area;
  const char *units;   /* '|'-separated; "name@area" overrides the area */
} DemoDepartment;

static const DemoDepartment departments[] = {
  { "Äldreomsorg", SP_AREA_ELDERLY_CARE,
    "Hemtjänst Vällingby|Hemtjänst Hässelby|Råcksta vård- och omsorgsboende|"
    "Hässelbygårdens vård- och omsorgsboende|Dagverksamheten Kronan|Biståndsenheten äldre" },
  { "Förskola", SP_AREA_PRESCHOOL,
    "Förskolan Solrosen|Förskolan Blåklockan|Förskolan Ekorren|Förskolan Trollskogen|"
    "Förskolan Sjöstjärnan|Förskolan Lönnen" },
  { "Individ- och familjeomsorg", SP_AREA_INDIVIDUAL_FAMILY_CARE,
    "Barn och ungdom|Ekonomiskt bistånd|Vuxenenheten|Familjeenheten|"
    "Funktionsnedsättning LSS@1|Gruppbostaden Grimsta@1" },
  { "Stadsmiljö", SP_AREA_CITY_ENVIRONMENT,
    "Park och natur|Lekplatser och parklekar|Trygghet och renhållning" },
  { "Kultur och fritid", SP_AREA_CULTURE_LEISURE,
    "Fritidsgården Vällingby|Fritidsgården Hässelby strand|Parkleken Ormbacken|Träffpunkt Kronan" },
  { "Administration", SP_AREA_ADMINISTRATION,
    "Kansliet|Kontaktcenter|Ekonomi och upphandling|HR-enheten" },
};

typedef struct
{
  const char     *name;
  const char     *org_prefix;  /* nine digits; the tenth is Luhn's */
  SpContractForm  form;
  SpArea          area;
  const char     *administration;
} DemoProvider;

static const DemoProvider demo_providers[] = {
  { "Västerled Omsorg AB", "559123456", SP_CONTRACT_FORM_CONTRACTED_OPERATION,
    SP_AREA_ELDERLY_CARE, "Hässelby-Vällingby stadsdelsförvaltning" },
  { "Trygga Händer Hemtjänst AB", "556987123", SP_CONTRACT_FORM_CHOICE_SYSTEM,
    SP_AREA_ELDERLY_CARE, "Äldreförvaltningen" },
  { "Daglig verksamhet Nova AB", "559045781", SP_CONTRACT_FORM_CHOICE_SYSTEM,
    SP_AREA_DISABILITY_SUPPORT, "Socialförvaltningen" },
  { "Grönyta Skötsel i Stockholm AB", "556612309", SP_CONTRACT_FORM_FRAMEWORK_AGREEMENT,
    SP_AREA_CITY_ENVIRONMENT, "Hässelby-Vällingby stadsdelsförvaltning" },
  { "Måltidspartner Norden AB", "559210874", SP_CONTRACT_FORM_FRAMEWORK_AGREEMENT,
    SP_AREA_PRESCHOOL, "Hässelby-Vällingby stadsdelsförvaltning" },
};

static const char * const first_names[] = {
  "Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Kerstin", "Emma", "Ingrid", "Malin",
  "Sofia", "Johanna", "Linnea", "Elin", "Fatima", "Amina", "Leila", "Hanna", "Ida", "Ulla",
  "Birgitta", "Marianne", "Agneta", "Margareta", "Zeynep", "Pia", "Camilla", "Tove", "Lina",
  "Lars", "Anders", "Johan", "Per", "Karl", "Erik", "Mikael", "Peter", "Thomas", "Jan",
  "Mats", "Björn", "Ahmed", "Mohammed", "Ali", "Omar", "Daniel", "Fredrik", "Oskar", "Nils",
  "Gunnar", "Bengt", "Sven", "Göran", "Hassan", "Yusuf", "Jonas", "Viktor", "Åsa", "Örjan",
};

static const char * const last_names[] = {
  "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson",
  "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Hansson", "Bengtsson",
  "Jönsson", "Lindberg", "Jakobsson", "Magnusson", "Lindström", "Lindqvist", "Lindgren",
  "Berg", "Axelsson", "Bergström", "Lundberg", "Lundqvist", "Mattsson", "Berglund",
  "Sandberg", "Henriksson", "Ali", "Mohammed", "Hassan", "Yilmaz", "Nyström", "Holm",
  "Sjöberg", "Wallin", "Engström", "Håkansson", "Eklund", "Lundin", "Björk", "Holmberg",
  "Åberg", "Öberg", "Söderberg", "Nordström", "Ekström", "Demir", "Rahimi", "Nguyen",
};

static const char * const streets[] = {
  "Vällingbyvägen", "Ångermannagatan", "Kirunagatan", "Råckstavägen", "Grimstagatan",
  "Nälstavägen", "Lövstavägen", "Kälvestavägen", "Vinstavägen", "Johannelundsvägen",
  "Malmvägen", "Sörgårdsvägen", "Solhemsbackarna", "Hässelby allé", "Trädgårdsvägen",
};

static const char * const postal_towns[] = {
  "162 65 Vällingby", "162 68 Vällingby", "162 71 Vällingby", "165 55 Hässelby",
  "165 62 Hässelby", "165 70 Hässelby", "165 74 Hässelby", "162 44 Vällingby",
};

/* ---- Case text ---------------------------------------------------------- */

typedef struct
{
  SpArea      area;
  SpValence   valence;
  const char *category;
  const char *subjects;  /* '|'-separated */
  const char *details;   /* '|'-separated */
} DemoTopic;

static const DemoTopic topics[] = {
  /* Äldreomsorg */
  { SP_AREA_ELDERLY_CARE, SP_VALENCE_NEGATIVE, "treatment",
    "Otrevligt bemötande från hemtjänsten|Personalen pratar över huvudet på {person}|"
    "Bristande respekt vid besöken|Nedlåtande bemötande på boendet",
    "Vid besöket {day} {time} var personalen stressad och gav ett otrevligt intryck.|"
    "{Person} upplevde att ingen lyssnade när hen bad om hjälp.|"
    "Personalen pratade sitt eget språk sinsemellan under hela besöket.|"
    "Man knackade inte på innan man gick in i lägenheten.|"
    "När vi påpekade detta fick vi ett avfärdande svar." },
  { SP_AREA_ELDERLY_CARE, SP_VALENCE_NEGATIVE, "staff_continuity",
    "För många olika personer i hemtjänsten|Ny personal varje dag|Ingen kontinuitet i omsorgen|"
    "Kontaktpersonen har slutat utan besked",
    "Under de senaste {n} veckorna har {person} träffat över tjugo olika personer från hemtjänsten.|"
    "Det kommer ny personal nästan varje dag som inte känner till rutinerna.|"
    "Kontaktpersonen har slutat och vi har inte fått veta vem som tar över.|"
    "Vikarierna vet inte hur {person} vill ha sin frukost eller sina mediciner." },
  { SP_AREA_ELDERLY_CARE, SP_VALENCE_NEGATIVE, "quality",
    "Insatser utförs inte enligt beslut|Hemtjänsten kommer för sent|Missat besök|"
    "Städningen blir inte gjord|Larmet besvaras för långsamt",
    "Hemtjänsten kom {n} timmar för sent {day} och {person} fick vänta på sin lunch.|"
    "Ett planerat besök uteblev helt utan att någon hörde av sig.|"
    "Städningen som ska göras varannan vecka har inte blivit av sedan i {month}.|"
    "Duschen som ingår i beslutet har ställts in flera gånger.|"
    "{Person} larmade {day} {time} och fick vänta över en timme på hjälp." },
  { SP_AREA_ELDERLY_CARE, SP_VALENCE_NEGATIVE, "food_meals",
    "Maten på boendet|Kall mat till lunch|Matlådorna håller låg kvalitet|Specialkosten fungerar inte",
    "Maten som serveras på {unit} är ofta kall och ser inte aptitlig ut.|"
    "Matlådorna kommer sent och är ibland fel sort trots att {person} har specialkost.|"
    "Det finns sällan något alternativ för den som inte äter fläskkött.|"
    "{Person} har gått ner i vikt och vi är oroliga att hen inte får i sig tillräckligt." },
  { SP_AREA_ELDERLY_CARE, SP_VALENCE_NEGATIVE, "information",
    "Ingen information om förändringar|Vi fick inte veta att kontaktpersonen byttes|"
    "Bristande kontakt med anhöriga",
    "Ingen hörde av sig när {person} föll i badrummet {day}.|"
    "Vi fick veta först i efterhand att besökstiderna hade ändrats.|"
    "Det är svårt att nå någon på {unit} som kan svara på frågor." },
  { SP_AREA_ELDERLY_CARE, SP_VALENCE_NEGATIVE, "fees",
    "Fel avgift för hemtjänsten|Höjd avgift utan förklaring",
    "Fakturan för {month} är betydligt högre än tidigare utan att insatserna har ändrats.|"
    "Vi har debiterats för besök som aldrig blev av." },
  { SP_AREA_ELDERLY_CARE, SP_VALENCE_POSITIVE, "treatment",
    "Tack till personalen på {unit}|Beröm för fin omsorg|Varmt bemötande|Tack till nattpersonalen",
    "Personalen har varit fantastisk mot {person} under hela hösten.|"
    "Vi vill särskilt lyfta nattpersonalen som alltid tar sig tid att prata.|"
    "{Person} har blivit så väl omhändertagen av personalen på {unit}.|"
    "Det märks att personalen bryr sig på riktigt." },
  { SP_AREA_ELDERLY_CARE, SP_VALENCE_POSITIVE, "quality",
    "Välfungerande hemtjänst|Bra aktiviteter på boendet|Tack för sommarfesten",
    "Aktiviteterna varje vecka har gjort stor skillnad, särskilt sångstunden.|"
    "Hemtjänsten kommer alltid i tid och gör det som är överenskommet.|"
    "Sommarfesten på {unit} var mycket uppskattad av både boende och anhöriga." },
  { SP_AREA_ELDERLY_CARE, SP_VALENCE_NEUTRAL, "quality",
    "Förslag på fler aktiviteter|Önskemål om mer utevistelse|Förslag om anhörigträffar",
    "Det vore fint om de boende fick komma ut oftare, särskilt när vädret är bra.|"
    "Jag föreslår att ni ordnar regelbundna anhörigträffar på {unit}.|"
    "Kanske kan man ordna gemensamma måltider med anhöriga en gång i månaden?" },

  /* Förskola */
  { SP_AREA_PRESCHOOL, SP_VALENCE_NEGATIVE, "staff_continuity",
    "Många vikarier på avdelningen|Hög personalomsättning på {unit}|Ny personal hela tiden",
    "Sedan i {month} har det varit nya vikarier nästan varje vecka.|"
    "{Person} har svårt att knyta an när pedagogerna byts ut hela tiden.|"
    "Tre av fyra pedagoger på avdelningen har slutat under terminen." },
  { SP_AREA_PRESCHOOL, SP_VALENCE_NEGATIVE, "quality",
    "Bristande tillsyn på gården|Barnet skadades utan att vi fick veta|Ingen planerad verksamhet",
    "{Person} kom hem med ett skrapsår i ansiktet {day} utan att någon berättade vad som hänt.|"
    "Vid hämtningen {time} fanns bara en pedagog ute med hela gruppen.|"
    "Barnen verkar mest vara inomhus och titta på film på eftermiddagarna." },
  { SP_AREA_PRESCHOOL, SP_VALENCE_NEGATIVE, "treatment",
    "Otrevligt bemötande vid hämtning|Mitt barn blev utskällt|Vi blir inte lyssnade på",
    "En pedagog höjde rösten mot {person} inför de andra barnen {day}.|"
    "När vi tog upp vår oro vid hämtningen fick vi ett kort och avvisande svar.|"
    "Vi har bett om ett samtal flera gånger utan att få någon tid." },
  { SP_AREA_PRESCHOOL, SP_VALENCE_NEGATIVE, "premises_environment",
    "Trasig utrustning på förskolegården|Dålig luft i lokalerna|Fuktskada i förrådet",
    "Klätterställningen på gården har varit avspärrad i {n} veckor.|"
    "Det luktar instängt på avdelningen och det blir mycket varmt när solen ligger på.|"
    "Vi har sett mögelfläckar i taket i tamburen." },
  { SP_AREA_PRESCHOOL, SP_VALENCE_NEGATIVE, "food_meals",
    "Maten på förskolan|Allergikosten fungerar inte|För lite mat till mellanmålet",
    "{Person} har nötallergi och fick {day} en smörgås med fel pålägg.|"
    "Barnen säger att de ofta är hungriga när vi hämtar.|"
    "Menyn på {unit} innehåller sällan fisk eller grönsaker." },
  { SP_AREA_PRESCHOOL, SP_VALENCE_NEGATIVE, "information",
    "Bristande information till vårdnadshavare|Vi fick inte veta om stängningsdagen",
    "Stängningsdagen meddelades bara två dagar innan.|"
    "Informationen i appen uppdateras sällan och vi vet inte vad barnen gör om dagarna." },
  { SP_AREA_PRESCHOOL, SP_VALENCE_POSITIVE, "treatment",
    "Tack till pedagogerna på {unit}|Fin inskolning|Bra utvecklingssamtal",
    "Inskolningen av {person} gick över förväntan tack vare lyhörda pedagoger.|"
    "Pedagogerna på {unit} ser varje barn och berättar alltid hur dagen har varit.|"
    "Utvecklingssamtalet var väl förberett och gav oss mycket att tänka på." },
  { SP_AREA_PRESCHOOL, SP_VALENCE_NEUTRAL, "information",
    "Förslag om mer utevistelse|Önskemål om digitala veckobrev|Förslag om föräldramöte på kvällstid",
    "Det vore bra med ett kort veckobrev om vad barnen har gjort.|"
    "Föräldramöten klockan tre på eftermiddagen är svåra att hinna till.|"
    "Skogen bakom {unit} skulle kunna användas mer för utflykter." },

  /* Individ- och familjeomsorg */
  { SP_AREA_INDIVIDUAL_FAMILY_CARE, SP_VALENCE_NEGATIVE, "case_handling",
    "Lång handläggningstid för ekonomiskt bistånd|Beslutet dröjer|Ingen återkoppling från handläggaren",
    "Jag lämnade in min ansökan för {n} veckor sedan och har fortfarande inte fått något beslut.|"
    "Handläggaren lovade att ringa tillbaka {day} men hörde aldrig av sig.|"
    "Jag har fått lämna samma papper flera gånger eftersom de har kommit bort." },
  { SP_AREA_INDIVIDUAL_FAMILY_CARE, SP_VALENCE_NEGATIVE, "treatment",
    "Nedlåtande bemötande av socialsekreterare|Kände mig inte lyssnad på|Otrevligt på mötet",
    "Under mötet {day} kände jag mig ifrågasatt på ett sätt som inte var rimligt.|"
    "Socialsekreteraren pratade om mig i stället för med mig.|"
    "Jag upplevde att mina uppgifter inte togs på allvar." },
  { SP_AREA_INDIVIDUAL_FAMILY_CARE, SP_VALENCE_NEGATIVE, "accessibility",
    "Svårt att nå handläggaren på telefon|Telefontiden räcker inte|Ingen tolk vid mötet",
    "Telefontiden är bara en timme om dagen och det är alltid upptaget.|"
    "Jag har ringt {n} gånger den här veckan utan att komma fram.|"
    "Jag hade bett om tolk men det fanns ingen när jag kom till mötet." },
  { SP_AREA_INDIVIDUAL_FAMILY_CARE, SP_VALENCE_NEGATIVE, "information",
    "Otydligt beslut|Ingen information om hur man överklagar",
    "Beslutet jag fick är svårt att förstå och det står inte varför ansökan avslogs.|"
    "Ingen berättade att jag kunde överklaga beslutet." },
  { SP_AREA_INDIVIDUAL_FAMILY_CARE, SP_VALENCE_POSITIVE, "treatment",
    "Tack för stödet från familjeenheten|Bra hjälp från socialtjänsten",
    "Samtalen med familjebehandlaren har hjälpt hela familjen mycket.|"
    "Min handläggare har varit tydlig, snabb och respektfull hela vägen." },
  { SP_AREA_INDIVIDUAL_FAMILY_CARE, SP_VALENCE_NEUTRAL, "accessibility",
    "Förslag om digitala möten|Önskemål om längre telefontid",
    "Det skulle underlätta mycket om man kunde ha möten via video.|"
    "Telefontid även på kvällen skulle hjälpa oss som arbetar dagtid." },

  /* Funktionsnedsättning (LSS) */
  { SP_AREA_DISABILITY_SUPPORT, SP_VALENCE_NEGATIVE, "quality",
    "Daglig verksamhet ställs in|Insatser enligt LSS utförs inte|Ledsagningen uteblir",
    "Den dagliga verksamheten har varit stängd {n} dagar den senaste månaden.|"
    "Ledsagningen som {person} har rätt till har inte blivit av sedan i {month}.|"
    "Aktiviteterna på gruppbostaden har nästan helt upphört." },
  { SP_AREA_DISABILITY_SUPPORT, SP_VALENCE_NEGATIVE, "staff_continuity",
    "Många nya assistenter|Personalbyten skapar oro",
    "{Person} blir orolig av att träffa nya personer och det har varit många nya den senaste tiden.|"
    "Den ordinarie personalen har ersatts av vikarier som inte känner {person}." },
  { SP_AREA_DISABILITY_SUPPORT, SP_VALENCE_NEGATIVE, "case_handling",
    "Lång väntan på beslut om ledsagning|Ansökan om korttidsvistelse dröjer",
    "Vi ansökte om korttidsvistelse i {month} och har inte fått något beslut.|"
    "Utredningen har dragit ut på tiden utan att vi fått någon förklaring." },
  { SP_AREA_DISABILITY_SUPPORT, SP_VALENCE_POSITIVE, "treatment",
    "Tack till personalen på gruppbostaden|Fint stöd i vardagen",
    "Personalen har hittat ett sätt att kommunicera med {person} som fungerar jättebra.|"
    "{Person} har utvecklats mycket sedan flytten och trivs verkligen." },
  { SP_AREA_DISABILITY_SUPPORT, SP_VALENCE_NEUTRAL, "quality",
    "Förslag om fler fritidsaktiviteter|Önskemål om resor",
    "Det vore roligt med fler aktiviteter på helgerna, till exempel bowling eller bio.|"
    "Kanske kan gruppbostaden ordna en gemensam resa under sommaren?" },

  /* Stadsmiljö */
  { SP_AREA_CITY_ENVIRONMENT, SP_VALENCE_NEGATIVE, "premises_environment",
    "Nedskräpning i {place}|Trasig belysning på gångvägen vid {place}|Fallna träd över stigen i {place}|"
    "Överfulla papperskorgar vid {place}|Klotter på lekplatsen i {place}|Trasig gunga i {place}|"
    "Dålig snöröjning vid {place}",
    "Det ligger mycket skräp kring bänkarna och papperskorgarna töms för sällan.|"
    "Belysningen har varit släckt i {n} veckor och det känns otryggt att gå där på kvällen.|"
    "Ett stort träd har fallit över gångstigen efter stormen och ingen har tagit bort det.|"
    "Gungan är trasig och det sticker ut en skruv som barn kan skada sig på.|"
    "Gångvägen var inte plogad {day} {time} och det var mycket halt." },
  { SP_AREA_CITY_ENVIRONMENT, SP_VALENCE_NEGATIVE, "accessibility",
    "Svårt att ta sig fram med rullator vid {place}|Kantsten saknar nedfart vid {place}",
    "Det saknas nedfart vid övergångsstället så jag kan inte ta mig över med rullatorn.|"
    "Grusgången har så djupa hjulspår att den är svår att gå på." },
  { SP_AREA_CITY_ENVIRONMENT, SP_VALENCE_POSITIVE, "premises_environment",
    "Tack för den nya lekplatsen i {place}|Fina planteringar i {place}|Välskött park",
    "Den nya lekplatsen är fantastisk och används av massor av barn.|"
    "Planteringarna i {place} är så vackra i år, tack till alla som sköter dem." },
  { SP_AREA_CITY_ENVIRONMENT, SP_VALENCE_NEUTRAL, "premises_environment",
    "Förslag om fler parkbänkar i {place}|Önskemål om hundrastgård i {place}|"
    "Förslag om utegym vid {place}|Fler papperskorgar vid {place}",
    "Längs promenadstråket finns nästan inga bänkar att vila på.|"
    "Många hundägare i området skulle uppskatta en inhägnad hundrastgård.|"
    "Ett utegym vid {place} skulle locka både unga och äldre." },

  /* Kultur och fritid */
  { SP_AREA_CULTURE_LEISURE, SP_VALENCE_NEGATIVE, "quality",
    "Stängt utan förvarning|Stökigt på kvällarna|Aktiviteten ställdes in",
    "{unit} var stängt {day} {time} utan att det stod något på webbplatsen.|"
    "Det har varit stökigt på {unit} på kvällarna och personalen verkar inte ha kontroll.|"
    "Kursen ställdes in med en dags varsel." },
  { SP_AREA_CULTURE_LEISURE, SP_VALENCE_NEGATIVE, "premises_environment",
    "Slitna lokaler på {unit}|Trasig utrustning i idrottshallen",
    "Soffor och spel på {unit} är trasiga och har inte ersatts.|"
    "Toaletterna har varit trasiga i {n} veckor." },
  { SP_AREA_CULTURE_LEISURE, SP_VALENCE_NEGATIVE, "fees",
    "För dyra avgifter för sommaraktiviteter|Avgift för lovaktivitet",
    "Avgiften för sommarlovsaktiviteterna gör att alla barn inte kan vara med.|"
    "Vi visste inte att aktiviteten kostade pengar förrän efteråt." },
  { SP_AREA_CULTURE_LEISURE, SP_VALENCE_POSITIVE, "quality",
    "Tack till fritidsledarna på {unit}|Bra sommarlovsaktiviteter|Fin träffpunkt",
    "Fritidsledarna på {unit} gör ett fantastiskt jobb med ungdomarna.|"
    "Sommarlovsaktiviteterna var välordnade och mina barn var med varje dag." },
  { SP_AREA_CULTURE_LEISURE, SP_VALENCE_NEUTRAL, "accessibility",
    "Förslag om längre öppettider|Önskemål om aktiviteter för äldre|Förslag om fler tjejkvällar",
    "Det vore bra om {unit} hade öppet även på söndagar.|"
    "Det saknas aktiviteter för oss som är pensionärer och vill träffa andra." },

  /* Administration */
  { SP_AREA_ADMINISTRATION, SP_VALENCE_NEGATIVE, "information",
    "Svårt att hitta information på webbplatsen|Otydlig information om öppettider",
    "Jag letade länge på webbplatsen utan att hitta vem jag skulle vända mig till.|"
    "Informationen om öppettiderna stämde inte när jag kom till förvaltningen." },
  { SP_AREA_ADMINISTRATION, SP_VALENCE_NEGATIVE, "case_handling",
    "Fick inget svar på mitt mejl|Ärendet har blivit liggande",
    "Jag mejlade förvaltningen för {n} veckor sedan och har inte fått något svar.|"
    "Ingen verkar veta vem som ansvarar för mitt ärende." },
  { SP_AREA_ADMINISTRATION, SP_VALENCE_NEGATIVE, "treatment",
    "Otrevligt bemötande i kontaktcenter|Blev avbruten i telefon",
    "Personen jag pratade med {day} var otrevlig och avbröt mig flera gånger.|"
    "Jag blev kopplad runt mellan olika personer utan att få hjälp." },
  { SP_AREA_ADMINISTRATION, SP_VALENCE_POSITIVE, "treatment",
    "Snabbt och bra svar från kontaktcenter|Tack för hjälpen",
    "Jag fick snabb och vänlig hjälp när jag ringde {day}.|"
    "Handläggaren tog sig tid att förklara hur allt fungerar." },
  { SP_AREA_ADMINISTRATION, SP_VALENCE_NEUTRAL, "accessibility",
    "Förslag om enklare e-tjänster|Förslag om öppet hus på förvaltningen",
    "E-tjänsterna borde gå att använda utan e-legitimation för enkla frågor.|"
    "Ett öppet hus skulle göra det lättare för boende att förstå vad förvaltningen gör." },
};

static const char * const places[] = {
  "Grimsta naturreservat", "Vällingby centrum", "Hässelby strand", "Kyrkhamn", "Råcksta",
  "Vinsta", "Johannelund", "Hässelby gård", "Nälsta", "Lövsta", "Hässelby villastad",
  "Kälvesta", "Grimstaskogen", "Kanaanbadet", "Vällingbyparken", "Hässelby slottspark",
};

static const char * const days[] = {
  "i måndags", "i tisdags", "i onsdags", "i torsdags", "i fredags", "i lördags",
  "i söndags", "förra veckan", "häromdagen",
};

static const char * const times[] = {
  "på morgonen", "vid lunch", "på eftermiddagen", "på kvällen", "vid tretiden",
};

static const char * const months[] = {
  "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
  "september", "oktober", "november", "december",
};

static const char * const relatives[] = {
  "min mamma", "min pappa", "min mormor", "min farfar", "min make", "min fru", "min moster",
};

static const char * const children[] = {
  "vår dotter", "vår son", "mitt barn", "min dotter", "min son",
};

static const char * const disabled_relatives[] = {
  "min son", "min dotter", "min bror", "min syster",
};

/* "hint>text": the opener only fits a unit whose name contains the hint. */
static const char * const openers_elderly[] = {
  "Hemtjänst>Jag skriver angående {person} som har hemtjänst via {unit}.",
  "Hemtjänst>{Person} får hjälp av {unit} flera gånger om dagen.",
  "boende>{Person} bor sedan en tid på {unit} och jag vill framföra följande.",
  "boende>Jag är anhörig till en boende på {unit}.",
  "Dagverksamheten>{Person} går på {unit} några dagar i veckan.",
  "Bistånd>{Person} har insatser som har beviljats av {unit}.",
  "Som anhörig till {person} vill jag lämna en synpunkt på {unit}.",
};
static const char * const openers_preschool[] = {
  "Vi är vårdnadshavare till ett barn på {unit}.",
  "{Person} har gått på {unit} sedan i höstas.",
  "Jag vill lämna en synpunkt på {unit} där {person} går.",
};
static const char * const openers_ifo[] = {
  "Jag har kontakt med enheten {unit} sedan en tid.",
  "Jag har sökt stöd hos enheten {unit}.",
  "Jag vill framföra synpunkter på min kontakt med enheten {unit}.",
};
static const char * const openers_disability[] = {
  "LSS>{Person} har insatser enligt LSS som handläggs av {unit}.",
  "Gruppbostad>{Person} bor på {unit}.",
  "Jag skriver som anhörig till {person} som får stöd från {unit}.",
};
static const char * const openers_city[] = {
  "Jag bor i {place} och går ofta förbi här.",
  "Jag promenerar dagligen i {place}.",
  "Som boende i området vill jag tipsa om följande.",
  "Hej! Jag vill lämna en synpunkt om {place}.",
};
static const char * const openers_culture[] = {
  "Fritidsgården>Mina barn går ofta till {unit}.",
  "Parkleken>Vi går ofta till {unit} med barnen.",
  "Träffpunkt>Jag besöker {unit} varje vecka.",
  "Jag vill lämna en synpunkt om verksamheten på {unit}.",
};
static const char * const openers_admin[] = {
  "Jag har varit i kontakt med förvaltningen.",
  "Jag vill lämna en synpunkt om stadsdelsförvaltningens service.",
  "Jag kontaktade {unit} för en tid sedan.",
};

/* Which units a text fits: the first keyword found in the subject or the
 * details picks the units whose names contain one of the hints. */
static const struct {
  SpArea      area;
  const char *keyword;
  const char *hints;
} unit_hints[] = {
  { SP_AREA_ELDERLY_CARE, "emtjänst", "Hemtjänst" },
  { SP_AREA_ELDERLY_CARE, "atlåd", "Hemtjänst" },
  { SP_AREA_ELDERLY_CARE, "boende", "boende" },
  { SP_AREA_ELDERLY_CARE, "avgift", "Hemtjänst|Bistånd" },
  { SP_AREA_ELDERLY_CARE, "", "Hemtjänst|boende|Dagverksamheten" },
  { SP_AREA_INDIVIDUAL_FAMILY_CARE, "ekonomiskt bistånd", "Ekonomiskt" },
  { SP_AREA_INDIVIDUAL_FAMILY_CARE, "amiljebehandl", "Familje" },
  { SP_AREA_DISABILITY_SUPPORT, "ruppbostad", "Gruppbostad" },
  { SP_AREA_DISABILITY_SUPPORT, "", "LSS" },
  { SP_AREA_CITY_ENVIRONMENT, "ekplats", "Lekplatser" },
  { SP_AREA_CITY_ENVIRONMENT, "unga", "Lekplatser" },
  { SP_AREA_CITY_ENVIRONMENT, "kräp", "renhållning" },
  { SP_AREA_CITY_ENVIRONMENT, "appersk", "renhållning" },
  { SP_AREA_CITY_ENVIRONMENT, "lotter", "renhållning" },
  { SP_AREA_CITY_ENVIRONMENT, "", "Park" },
  { SP_AREA_CULTURE_LEISURE, "ensionär", "Träffpunkt" },
  { SP_AREA_CULTURE_LEISURE, "äldre", "Träffpunkt" },
  { SP_AREA_CULTURE_LEISURE, "", "Fritidsgården|Parkleken" },
  { SP_AREA_ADMINISTRATION, "telefon", "Kontaktcenter" },
  { SP_AREA_ADMINISTRATION, "ringde", "Kontaktcenter" },
  { SP_AREA_ADMINISTRATION, "", "Kansliet|Kontaktcenter" },
};

static const char * const elaborations_negative[] = {
  "Det här är inte första gången det händer.",
  "Vi har tagit upp det muntligt tidigare utan att något har förändrats.",
  "Det skapar stor oro i familjen.",
  "Jag förstår att det är ansträngt med personal, men så här kan det inte fortsätta.",
  "Jag hoppas att ni tar det här på allvar.",
  "Jag pratade med personalen, som hänvisade mig till att skriva hit.",
  "Situationen har pågått i flera veckor.",
};
static const char * const elaborations_positive[] = {
  "Det gör stor skillnad i vardagen.",
  "Framför gärna vårt varma tack till alla berörda.",
  "Det är värt att lyfta när något fungerar så bra.",
  "Fortsätt med det goda arbetet!",
  "Vi känner oss trygga tack vare er.",
};
static const char * const elaborations_neutral[] = {
  "Det vore bra om ni kunde se över möjligheten.",
  "Jag tror att många skulle uppskatta det.",
  "Kanske kan det prövas under en period?",
  "Jag bidrar gärna med fler idéer.",
};
static const char * const closings_feedback[] = {
  "Jag vill gärna ha återkoppling på vad ni gör åt saken.",
  "Jag önskar svar på hur ni tänker hantera detta.",
  "Hör gärna av er till mig.",
  "Tacksam för svar.",
};
static const char * const closings_feedback_positive[] = {
  "Jag vill gärna veta att berömmet har kommit fram.",
  "Hör gärna av er om ni vill veta mer.",
};
static const char * const closings_feedback_neutral[] = {
  "Jag vill gärna få veta vad ni tycker om förslaget.",
  "Hör gärna av er om förslaget kan bli verklighet.",
};
static const char * const closings_none[] = {
  "Ni behöver inte återkomma till mig.",
  "Jag vill bara att ni ska känna till det.",
  "",
};
static const char * const closings_anonymous[] = {
  "Jag vill vara anonym.",
  "Jag väljer att vara anonym men hoppas att ni läser detta.",
  "",
};

static const char * const authorities[] = {
  "Trafikkontoret", "Exploateringskontoret", "Polisen", "Stockholm Vatten och Avfall",
  "Region Stockholm", "Utbildningsförvaltningen", "Försäkringskassan", "Miljöförvaltningen",
};
static const char * const other_districts[] = {
  "Bromma stadsdelsförvaltning", "Spånga-Tensta stadsdelsförvaltning",
  "Rinkeby-Kista stadsdelsförvaltning", "Kungsholmens stadsdelsförvaltning",
};
static const char * const citizen_proposals[] = {
  "Medborgarförslag om ny belysning i {place}",
  "Medborgarförslag om en parklek i {place}",
  "Medborgarförslag om fler bänkar i {place}",
  "Medborgarförslag om en mötesplats för äldre i {place}",
};
static const char * const delay_reasons[] = {
  "Utredningen kräver att fler personer hörs.",
  "Berörd personal har varit frånvarande under perioden.",
  "Vi inväntar yttrande från utföraren.",
  "Ärendet är komplext och kräver genomgång av dokumentation från flera enheter.",
};

/* ---- Investigation text ------------------------------------------------- */

static const char * const facts_by_assessment[][3] = {
  [SP_ASSESSMENT_NOT_ASSESSED] = {
    "Synpunkten har gåtts igenom av enhetschefen.",
    "Berömmet har förmedlats till personalgruppen på arbetsplatsträffen.",
    "Förslaget har diskuterats i ledningsgruppen.",
  },
  [SP_ASSESSMENT_JUSTIFIED] = {
    "Utredningen visar att det som beskrivs stämmer.",
    "Genomgången av dokumentation och schema bekräftar uppgifterna.",
    "Det framkommer att rutinen inte följdes vid det aktuella tillfället.",
  },
  [SP_ASSESSMENT_PARTLY_JUSTIFIED] = {
    "Delar av det som beskrivs bekräftas av genomgången, men inte allt.",
    "Dokumentationen visar att besöket blev försenat, men inte att det uteblev.",
    "Personalen bekräftar händelsen men beskriver förloppet något annorlunda.",
  },
  [SP_ASSESSMENT_NOT_JUSTIFIED] = {
    "Genomgången av dokumentationen stöder inte de uppgifter som lämnats.",
    "Insatserna har utförts enligt beslut under hela perioden.",
    "Det har inte framkommit något som tyder på att rutinerna inte följts.",
  },
  [SP_ASSESSMENT_CANNOT_ASSESS] = {
    "Det har inte gått att klarlägga vad som hände vid det aktuella tillfället.",
    "Uppgifterna är för allmänt hållna för att kunna utredas närmare.",
    "Berörd personal har slutat och har inte kunnat höras.",
  },
};
static const char * const heard[] = {
  "Berörd personal och enhetschef.",
  "Kontaktman, samordnare och den anhörige.",
  "Avdelningens pedagoger på arbetsplatsträff.",
  "Handläggare och gruppledare.",
  "Ansvarig parkingenjör och entreprenören.",
};
static const char * const analyses[] = {
  "Orsaken bedöms vara hög sjukfrånvaro under perioden och brister i överlämningen mellan arbetspass.",
  "Rutinen för information till anhöriga har inte varit känd av all personal.",
  "Schemaläggningen har inte tagit tillräcklig hänsyn till kontinuitet.",
  "Avvikelsen beror på ett fel i planeringssystemet.",
  "Det har saknats en tydlig ansvarsfördelning för uppgiften.",
  "Hög arbetsbelastning under semesterperioden har påverkat kvaliteten.",
};
static const char * const actions[] = {
  "Rutinen har gåtts igenom på arbetsplatsträff.",
  "Schemat har justerats så att färre personer besöker samma brukare.",
  "Berörd personal har fått återkoppling.",
  "Utrustningen har reparerats.",
  "Informationen på webbplatsen har uppdaterats.",
  "Ingen åtgärd bedöms nödvändig.",
};
static const char * const planned[] = {
  "Utbildning i bemötande för all personal",
  "Ny rutin för överlämning mellan arbetspass",
  "Uppföljning av kontinuiteten i hemtjänstgrupperna",
  "Översyn av måltidsrutinerna tillsammans med kostenheten",
  "Besiktning och reparation av lekutrustningen",
  "Ny rutin för information till vårdnadshavare",
  "Kartläggning av telefontillgängligheten",
};
static const char * const assessment_sentences[] = {
  [SP_ASSESSMENT_NOT_ASSESSED] = "tagit del av dina synpunkter",
  [SP_ASSESSMENT_JUSTIFIED] = "bedömer att ditt klagomål är befogat",
  [SP_ASSESSMENT_PARTLY_JUSTIFIED] = "bedömer att ditt klagomål delvis är befogat",
  [SP_ASSESSMENT_NOT_JUSTIFIED] = "bedömer att ditt klagomål inte är befogat",
  [SP_ASSESSMENT_CANNOT_ASSESS] = "kan tyvärr inte bedöma vad som hände",
};
