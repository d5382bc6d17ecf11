/**
 * Small embedded lists of common given names and family names for several cultures, lowercase
 * without diacritics (values are folded the same way before lookup). Hand-written from general
 * knowledge of common names; not copied from any corpus. They raise confidence; shape alone still
 * counts weakly, so a name missing here is not a failure.
 */

const FIRST = {
  english: `james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony
    mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary
    nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack
    dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle noah ethan jeremy walter christian keith
    roger terry austin sean gerald carl harold dylan arthur lawrence jordan jesse bryan billy bruce gabriel joe logan
    albert willie alan eugene russell vincent philip bobby johnny bradley roy ralph randy wayne louis harry liam oliver
    lucas mason elijah owen luke isaac leo hugo oscar charlie freddie alfie archie theo
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley
    kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen
    amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet
    catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith
    megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn janice jean abigail alice
    judy sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte
    marie kayla alexis lori ava mia chloe ella lily zoe harper amelia evie poppy isla jessie lucy molly ruby florence`,
  german: `lukas leon finn jonas paul felix maximilian elias ben luis noah tim julian niklas jan moritz tobias florian
    sebastian stefan andreas markus thomas michael klaus jurgen wolfgang dieter uwe horst gunter hans karl heinz werner
    manfred helmut bernd frank ralf matthias christian philipp dominik fabian marcel kevin sven dirk torsten
    anna lea lena hannah mia emma sophie marie laura julia lisa sarah katharina johanna leonie lina clara charlotte
    ursula ingrid renate gisela monika petra sabine birgit andrea claudia susanne stefanie nicole silke anja heike
    sandra tanja kerstin martina brigitte helga karin elke gabriele christa hildegard greta frieda ida`,
  french: `jean pierre michel philippe alain nicolas christophe patrick daniel bernard eric laurent frederic stephane
    olivier thierry pascal sebastien julien francois jacques rene andre louis gabriel arthur raphael hugo jules mathis
    theo antoine maxime alexandre guillaume romain benoit vincent thibault quentin clement baptiste yves marcel
    marie nathalie isabelle sylvie catherine francoise valerie christine sophie sandrine veronique celine stephanie
    aurelie julie camille lea manon chloe ines jade louise emma alice juliette margaux pauline anais elodie amelie
    brigitte monique nicole chantal jacqueline martine genevieve helene claire agathe zoe lucie oceane`,
  spanish: `jose antonio manuel francisco juan david javier daniel carlos jesus alejandro miguel rafael pedro pablo
    angel sergio fernando jorge luis alberto alvaro diego adrian raul enrique ramon vicente andres joaquin santiago
    mateo hugo martin lucas ignacio gonzalo rodrigo emilio eduardo ricardo victor jaime alfonso
    maria carmen ana isabel dolores pilar teresa rosa josefa cristina laura marta lucia elena sara paula raquel
    manuela rocio mercedes beatriz silvia patricia julia irene alba noelia andrea claudia sofia valentina daniela
    carla natalia esther nuria inmaculada montserrat encarnacion consuelo guadalupe lourdes ximena camila valeria`,
  italian: `giuseppe giovanni antonio mario luigi francesco angelo vincenzo pietro salvatore carlo franco domenico
    bruno paolo michele giorgio aldo sergio luciano stefano andrea alessandro matteo lorenzo leonardo riccardo davide
    federico marco luca simone gabriele emanuele tommaso filippo edoardo giacomo massimo roberto fabio enrico
    maria anna giuseppina rosa angela giovanna teresa lucia carmela caterina francesca antonietta elena chiara sara
    giulia alessia martina valentina federica silvia paola laura roberta simona elisa ilaria beatrice aurora ginevra
    gaia sofia greta vittoria arianna emma alice rita graziella lorena donatella`,
  dutch: `jan johannes cornelis hendrik pieter willem gerrit jacobus dirk klaas hans henk kees sander bram daan sem
    lars thijs jesse ruben stijn joost bas wouter maarten jeroen bart koen tim niels rik luuk milan thomas levi finn
    maria johanna anna cornelia wilhelmina elisabeth hendrika geertruida petronella sanne lotte fleur femke anouk
    iris lisa eva julia sophie emma tess saar noor lieke marieke esther ingrid annemieke mirjam ineke els
    wilma joke ria anja`,
  indian: `aarav vivaan aditya vihaan arjun sai reyansh krishna ishaan shaurya rahul rohit amit sanjay vijay ajay
    raj ravi suresh ramesh mahesh rajesh dinesh ganesh anil sunil manoj vikram arun karan nikhil pranav siddharth
    akash deepak abhishek ankit gaurav harsh kunal mohit naveen prakash rakesh sachin tarun varun yash
    priya ananya aadhya diya saanvi pari aarohi anika navya kavya pooja neha sneha divya anjali deepika kavita sunita
    anita geeta meena rekha shweta swati nisha preeti rani lakshmi radha sita asha usha jyoti aishwarya shreya
    tanvi ishita riya sakshi komal payal`,
  eastAsian: `wei fang lei jing yan jun ming hui hong li na min yong jie tao chao bin hao xin yu hua lin ping qiang
    yang zhen xiao jian feng long gang bo chen xiu ying mei lan yun qing zhi ning kai rui zi
    hiroshi takashi kenji takeshi akira satoshi makoto yuki kazuo hideo yoshio tadashi shigeru haruto sota yuto
    riku ren daiki kaito sho ryo kenta naoki tomoko yoko keiko sachiko yoshiko akiko hiroko yumi mayumi naoko kumiko
    emi yui hina sakura aoi mio rin saki nanami misaki haruka ayaka`,
};

const LAST = {
  english: `smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson
    anderson thomas taylor moore jackson martin lee perez thompson white harris sanchez clark ramirez lewis robinson
    walker young allen king wright scott torres nguyen hill flores green adams nelson baker hall rivera campbell
    mitchell carter roberts gomez phillips evans turner diaz parker cruz edwards collins reyes stewart morris morales
    murphy cook rogers gutierrez ortiz morgan cooper peterson bailey reed kelly howard ramos kim cox ward richardson
    watson brooks chavez wood james bennett gray mendoza ruiz hughes price alvarez castillo sanders patel myers long
    ross foster jimenez powell jenkins perry russell sullivan bell coleman butler henderson barnes fisher vasquez
    simmons graham murray ford hamilton wallace cole west jordan owens reynolds ellis harrison gibson mcdonald
    marshall stevens kennedy wells hunt black dixon palmer mason shaw holmes rose stone walsh lloyd davies byrne ryan
    obrien oconnor doyle mccarthy`,
  german: `muller mueller schmidt schneider fischer weber meyer meier wagner becker schulz hoffmann schafer koch bauer
    richter klein wolf schroder neumann schwarz zimmermann braun kruger hofmann hartmann lange schmitt werner
    schmitz krause lehmann schmid schulze maier kohler herrmann konig walter mayer huber kaiser fuchs peters lang
    scholz moller weiss jung hahn schubert vogel friedrich keller gunther frank berger winkler roth beck lorenz
    baumann franke albrecht schuster simon ludwig bohm winter kraus martin schumacher kramer vogt stein jager otto
    sommer gross seidel heinrich brandt haas schreiber graf`,
  french: `martin bernard dubois thomas robert richard petit durand leroy moreau simon laurent lefebvre michel garcia
    david bertrand roux vincent fournier morel girard andre lefevre mercier dupont lambert bonnet francois martinez
    legrand garnier faure rousseau blanc guerin muller henry roussel nicolas perrin morin mathieu clement gauthier
    dumont lopez fontaine chevalier robin masson sanchez gerard nguyen boyer denis lemaire duval joly gautier roger
    roche roy noel meyer lucas meunier jean perez marchand dufour blanchard marie barbier brun dumas brunet schmitt
    leroux colin fernandez`,
  spanish: `garcia rodriguez gonzalez fernandez lopez martinez sanchez perez gomez martin jimenez ruiz hernandez diaz
    moreno munoz alvarez romero alonso gutierrez navarro torres dominguez vazquez ramos gil ramirez serrano blanco
    molina morales suarez ortega delgado castro ortiz rubio marin sanz nunez iglesias medina garrido cortes castillo
    santos lozano guerrero cano prieto mendez cruz calvo gallego vidal leon marquez herrera pena flores cabrera
    campos vega fuentes carrasco diez caballero reyes nieto aguilar pascual santana herrero lorenzo montero hidalgo
    gimenez ibanez ferrer duran santiago benitez mora vicente vargas arias carmona crespo roman pastor soto saez
    velasco moya soler parra esteban bravo gallardo rojas`,
  italian: `rossi russo ferrari esposito bianchi romano colombo ricci marino greco bruno gallo conti deluca mancini
    costa giordano rizzo lombardi moretti barbieri fontana santoro mariani rinaldi caruso ferrara galli martini
    leone longo gentile martinelli vitale lombardo serra coppola desantis dangelo marchetti parisi villa conte
    ferraro ferri fabbri bianco marini grasso valentini messina sala derosa gatti pellegrini palumbo sanna farina
    rizzi monti cattaneo morelli amato silvestri mazza testa grassi pellegrino carbone giuliani benedetti barone
    rossetti caputo montanari guerra palmieri bernardi martino fiore`,
  dutch: `dejong jansen devries vandenberg vandijk bakker janssen visser smit meijer deboer mulder degroot bos vos
    peters hendriks vanleeuwen dekker brouwer dewit dijkstra smits degraaf vandermeer vanderlinden kok jacobs
    dehaan vermeulen vandenheuvel vanderveen vandenbroek debruijn debruin vanderheijden schouten vanbeek willems
    vanvliet vandeven hoekstra maas verhoeven koster vandam vanderwal prins blom huisman peeters kuipers vanwijk
    postma kuiper veenstra kramer vandenbrink scholten vanwijngaarden vos`,
  indian: `sharma verma gupta singh kumar patel shah mehta joshi desai reddy rao naidu nair menon pillai iyer iyengar
    chatterjee banerjee mukherjee das bose ghosh sen dutta roy chakraborty mishra pandey tiwari dubey srivastava
    agarwal jain bansal malhotra kapoor khanna chopra bhatia arora sethi grover kohli saxena yadav chauhan rathore
    thakur naik kulkarni patil deshmukh jadhav pawar shinde gowda hegde shetty bhat krishnan subramanian
    venkatesh raman chandra prasad`,
  eastAsian: `wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song
    tang han feng deng cao peng zeng xiao tian dong yuan pan cai jiang yu du ye cheng wei su lu ding ren shen yao
    jiang cui zhong tan lu fan wong chan leung cheung lau ng ho lam
    sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida yamada sasaki yamaguchi
    matsumoto inoue kimura hayashi shimizu yamazaki mori abe ikeda hashimoto yamashita ishikawa nakajima maeda
    fujita ogawa goto okada hasegawa murakami kondo ishii saito sakamoto endo aoki fujii nishimura fukuda ota miura
    kim lee park choi jung kang cho yoon jang lim han oh seo shin kwon hwang ahn song yoo hong`,
};

function toSet(groups: Record<string, string>): ReadonlySet<string> {
  return new Set(Object.values(groups).flatMap((text) => text.split(/\s+/).filter((w) => w !== '')));
}

export const FIRST_NAMES: ReadonlySet<string> = toSet(FIRST);
export const LAST_NAMES: ReadonlySet<string> = toSet(LAST);

/** Name particles written in lowercase inside family names (van der Berg, de la Cruz, bin Laden). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'van', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'von', 'zu', 'ter', 'ten', 'bin', 'binti',
  'al', 'el', 'dos', 'das', 'do', 'y', 'e', "d'",
]);
