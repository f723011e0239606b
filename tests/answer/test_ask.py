"""Answers on the real corpus: the span quoted, its citation, abstention."""

from __future__ import annotations

from datetime import date

import pytest

from zhengce.answer.ask import Answerer, parse_question_line
from zhengce.answer.question import question_concepts, question_parts, question_types
from zhengce.answer.select import best_spans, quote
from zhengce.index.query import normalize


def test_span_is_the_clause_not_the_article():
    # 人社部发〔2020〕11号 三、 as printed in the compilations.
    article = ("三、受疫情影响生产经营出现严重困难的企业，可申请缓缴社会保险费，"
               "缓缴期限原则上不超过6个月，缓缴期间免收滞纳金。")
    concepts = [(frozenset({"缓缴"}), 2.0), (frozenset({"期限"}), 1.0)]
    (span,) = best_spans(concepts, question_types("缓缴期限多长？"), [article], prior=lambda i: 0.0)
    assert span.text == "缓缴期限原则上不超过6个月"


@pytest.mark.parametrize("question, answer", [
    # 湘人社规〔2020〕15号 一（二）: "符合以上调整增加伤残津贴范围的工伤人员，其伤残津贴每人每月增加140元。"
    ("湘人社规[2020]15号规定企业工伤人员伤残津贴每月增加多少？", "其伤残津贴每人每月增加140元。"),
    # 渝人社发〔2020〕… "企业（单位）已缴纳了减免期间应减免的社会保险费的，多缴的部分可以抵缴…或选择退费。"
    ("重庆企业已经交了减免期间的社保费，多交的钱怎么办？", "多缴的部分可以抵缴下期应缴的社会保险费或选择退费。"),
])
def test_the_condition_that_repeats_the_question_is_left_out(answerer: Answerer, question: str, answer: str):
    assert answerer.ask(question).citations[0].quote == answer


@pytest.mark.parametrize("question, figure", [
    # 湘人社规〔2020〕15号 一（二）: "……其伤残津贴每人每月增加140元。" asked 多少: the figure is the answer.
    ("湘人社规[2020]15号规定企业工伤人员伤残津贴每月增加多少？", "每人每月增加140元"),
    # 国办发〔2020〕6号: "……户口、档案在学校保留2年或转入生源地……" asked 几年.
    ("离校未就业高校毕业生的户口、档案可以在学校保留几年？", "2年"),
])
def test_a_question_asking_how_much_is_answered_with_the_figure(answerer: Answerer, question: str, figure: str):
    answer = answerer.ask(question)
    assert answer.answer == figure and figure in answer.citations[0].quote


def test_a_short_consequence_keeps_its_condition(answerer: Answerer):
    # 渝委办〔2020〕8号 五: "对一线医务人员因公感染新冠肺炎的，一律认定为工伤" — 一律认定为工伤 alone says not to whom.
    assert answerer.ask("重庆医生因公感染新冠肺炎算工伤吗？").answer.startswith("对一线医务人员因公感染新冠肺炎的")


def test_an_article_covering_the_question_answers_when_the_best_span_does_not(answerer: Answerer):
    # The best-scoring span (补办应在疫情解除后三个月内完成) comes from an article that says nothing
    # of 医保 or 扣款; the Beijing 社保经办 notice's article on 灵活就业人员 does.
    answer = answerer.ask("北京灵活就业的，疫情期间社保扣款没成功断了几个月，补上以后医保待遇还要等6个月吗？")
    assert not answer.abstained and "不受6个月待遇等待期限制" in answer.answer


def test_a_span_ending_in_its_condition_runs_on_to_what_follows():
    # 法发〔2020〕7号 附件 二（二）, as printed.
    article = ("或者对医务人员实施撕扯防护装备、吐口水等行为，致使医务人员感染新型冠状病毒的，"
               "依照刑法第二百三十四条的规定，以故意伤害罪定罪处罚。")
    concepts = [(frozenset({"医务人员"}), 2.0), (frozenset({"感染"}), 2.0), (frozenset({"吐口水"}), 4.0)]
    (span,) = best_spans(concepts, [], [article], prior=lambda i: 0.0)
    assert span.text.endswith("以故意伤害罪定罪处罚。")


def test_a_question_naming_no_province_is_answered_by_the_national_rule(answerer: Answerer):
    # 人社部发〔2020〕38号 五: Chongqing's 渝人社发〔2020〕6号 has its own 公益性岗位 rule in other words.
    answer = answerer.ask("2020年新开发的临时性城镇公益性岗位最多能干多久？全日制岗位补贴最高多少？")
    assert answer.citations[0].doc_number == "人社部发〔2020〕38号"
    assert "在岗时间不超过6个月" in answer.answer


def test_a_registry_question_is_answered_by_the_cell_it_names(answerer: Answerer):
    # 湘政办发〔2020〕19号's 公共服务事项目录, row 199: 失业保险金申领, 基本编码 002014008001.
    answer = answerer.ask("湖南公共服务事项目录里失业保险金申领的基本编码是多少？")
    assert answer.answer == "002014008001"
    assert answer.citations[0].node_id.endswith("/t1/r199") and answer.answer in answer.citations[0].quote


def test_an_amount_is_quoted_with_its_cap():
    # A Chongqing 稳就业 notice, 二（三）, as printed.
    article = ("企业培训职业（工种）尚未纳入的，按照区县特色职业（工种）程序实施。缝纫工、贴条工等尚未纳入的当前急需"
               "紧缺工种，按200元/人·天的标准给予补贴，最高不超过6000元/人。引导重点企业使用企业职工教育经费开展岗前培训。")
    concepts = [(frozenset({"缝纫工"}), 6.0), (frozenset({"补贴"}), 1.0), (frozenset({"标准"}), 1.0)]
    (span,) = best_spans(concepts, question_types("缝纫工培训补贴标准是多少？"), [article], prior=lambda i: 0.0)
    assert span.text.endswith("按200元/人·天的标准给予补贴，最高不超过6000元/人。")


def test_an_amount_is_quoted_without_the_clauses_leading_up_to_it():
    # 京政办发〔2020〕7号: the 服务券 clause repeats the question; the amount is what answers it.
    article = ("依托市中小企业公共服务平台发放中小微企业服务券，受疫情影响严重的企业采购远程办公、视频会议、法律咨询、"
               "在线检测、网络销售等指定服务产品的，对每家企业给予不超过合同额50%的补贴，最高额度不超过20万元。")
    concepts = [(frozenset({"服务券"}), 5.0), (frozenset({"远程办公"}), 5.0), (frozenset({"补"}), 1.0)]
    (span,) = best_spans(concepts, question_types("服务券买远程办公服务能补多少钱？"), [article], prior=lambda i: 0.0)
    assert span.text == "对每家企业给予不超过合同额50%的补贴，最高额度不超过20万元。"


def test_a_question_about_papers_is_answered_with_the_list_of_papers(answerer: Answerer):
    # 人社部发〔2020〕30号 二（二）: the 以工代训 application names its papers after the condition.
    answer = answerer.ask("以工代训补贴申请时企业要向人社部门提供什么材料？").answer
    assert "以工代训人员花名册、当月发放工资银行对账单" in answer


def test_spoken_filler_and_run_together_words_do_not_make_a_question_unanswerable(answerer: Answerer):
    # 大学毕业 is 大学 + 毕业, both in the corpus; 都、还、没 say nothing about the topic.
    answer = answerer.ask("大学毕业都三年了还没找到稳定工作，湖南灵活就业社保补贴还能申请吗？")
    assert not answer.abstained and "高校毕业生" in answer.answer


def test_working_days_answer_a_deadline():
    # 湘人社规〔2020〕13号 五, its last sentence as printed.
    article = ("稳岗返还资金可由失业保险基金支出户直接拨付到实际用工单位账户，也可整体拨付到人力资源服务企业账户，"
               "人力资源服务企业根据双方协议约定，应在资金到账5个工作日内拨付到实际用工单位。")
    concepts = [(frozenset({"稳岗返还"}), 3.0), (frozenset({"用工单位"}), 3.0)]
    spans = best_spans(concepts, question_types("稳岗返还到账以后几天内要转给用工单位？"), [article],
                       prior=lambda i: 0.0)
    assert spans[0].text.startswith("应在资金到账5个工作日内")


def test_a_long_condition_is_left_out_even_before_a_short_answer():
    # 湘人社规〔2020〕11号: the 艰苦边远地区 are listed county by county before the 8元.
    article = ("对艰苦边远地区（桑植县、江华瑶族自治县、城步苗族自治县、麻阳苗族自治县、新晃侗族自治县、"
               "通道侗族自治县、吉首市、泸溪县、凤凰县、花垣县、保靖县、古丈县、永顺县、龙山县）的退休人员，每人每月再增加基本养老金8元。")
    concepts = [(frozenset({"凤凰县"}), 6.0), (frozenset({"艰苦边远地区"}), 5.0), (frozenset({"养老金"}), 2.0)]
    (span,) = best_spans(concepts, question_types("凤凰县退休的养老金多给多少？"), [article], prior=lambda i: 0.0)
    assert span.text == "每人每月再增加基本养老金8元。"


def test_a_province_answered_by_a_national_rule_is_told_so(answerer: Answerer):
    answer = answerer.ask("湖南的医护人员因履行职责感染新冠肺炎，能认定工伤吗？")
    assert not answer.abstained and answer.citations[0].doc_number == "人社部函〔2020〕11号"
    assert answer.notes == ["资料中没有湖南的专门规定，以下是国家层面的规定。"]


def test_a_city_of_a_corpus_province_is_that_province(answerer: Answerer):
    # 长沙 is in Hunan: 湘人社规〔2020〕1号 附件 第六条 answers, it is not "another place".
    answer = answerer.ask("我留学回来在长沙办了家公司，申报留学人员来湘创业支持培育项目，注册资金有什么要求？")
    assert answer.answer.startswith("企业注册资金现金资产不低于50万元人民币")


def test_a_word_of_the_story_before_a_question_is_not_its_topic(answerer: Answerer):
    # 奶奶 is in no document, but the question is whether pensions may still be paid to a 存折.
    answer = answerer.ask("我奶奶83岁了，不会用社保卡和手机，一直用存折领养老金，现在说全部要换成社保卡发，"
                          "她还能继续用存折吗？")
    assert not answer.abstained and "存折" in answer.answer
    assert answerer.vocabulary.unknown_topics("我奶奶83岁了") == ["奶奶"]


def test_a_quoted_term_is_a_concept_of_its_own():
    concepts = question_concepts(["持证", "渔民"], {}, "“持证兼业渔民”是怎么界定的", lambda word: 10, 1000)
    assert (frozenset({"持证兼业渔民"}), 0.5 * max(weight for _, weight in concepts[:2])) in concepts


def test_a_bare_heading_is_not_an_answer(answerer: Answerer):
    # 京人社毕字〔2020〕20号 has a unit that is only the activity's name.
    answer = answerer.ask("北京毕业生春季网络招聘月活动期间，各区人社局至少要组织几场网络招聘？").answer
    assert answer != "2020年北京地区毕业生春季网络招聘月活动"


def test_an_enumeration_of_figures_answers_with_the_item_asked_about(answerer: Answerer):
    # 湘人社规〔2020〕23号: 特等每年21600元、一等每年16900元、二等甲级每年8450元……
    assert answerer.ask("湖南事业单位老工伤人员一等伤残保健金现在一年是多少？").answer == "一等每年16900元"


def test_a_preamble_answers_which_document_but_not_what_it_provides(answerer: Answerer):
    # 人社部发〔2020〕… 就业援助月: the opening paragraph names the campaign, 五（三） says how many posts.
    answer = answerer.ask("2021年元旦春节期间的就业援助月活动，社区对有就业意愿的困难人员最少要推荐几个岗位？")
    assert "提供至少3个适合的岗位" in answer.answer
    # 湘人社发〔2020〕…: "决定对我省机关事业单位工作人员死亡后遗属生活困难补助费标准作如下调整" opens the notice.
    answer = answerer.ask("湖南是哪个文件调整了机关事业单位工作人员去世后遗属生活困难补助费标准？")
    assert answer.answer.startswith("决定对我省机关事业单位工作人员死亡后遗属生活困难补助费标准")


def test_a_year_in_the_askers_story_is_not_the_period_asked_about(answerer: Answerer):
    # 医保发〔2020〕6号 answers about arrears; 2019 is when the asker's unit fell behind.
    answer = answerer.ask("我们单位2019年还欠着几个月的职工医保费没交，"
                          "现在补缴的话，能不能也按阶段性减半征收的政策少交一半？")
    assert not answer.abstained
    assert answerer.ask("2023年失业保险稳岗返还政策中大型企业返还比例是多少？").abstained


def test_everyday_words_for_employer_and_leaving_find_the_documents_words(answerer: Answerer):
    # 公司 → 用人单位, 离职 → 解除劳动关系: 人社部发〔2020〕40号's 告知书 article.
    answer = answerer.ask("我是公司HR，员工合同到期不续签办离职的时候，关于领失业金这块我们公司需要给员工什么东西吗？")
    assert "《失业保险金申领告知书》交给失业人员" in answer.answer


def test_a_homophone_typo_is_not_an_unknown_topic(answerer: Answerer):
    # 以工带训 for 以工代训 (jieba cuts it into 以/工带/训), 平审 for 评审.
    assert answerer.vocabulary.unknown_topics("以工带训补贴标准，省里要在什么时间之前定下来？") == []
    assert answerer.vocabulary.unknown_topics("公务员能参加档案专业人员职称平审吗？") == []
    assert answerer.vocabulary.unknown_topics("湖南女职工的产假一共有多少天？") == ["产假"]


def test_a_question_printed_in_a_notice_is_not_its_own_answer(answerer: Answerer):
    # The 医保 Q&A notice prints "……能否退还2月份多缴的单位费款？" and then the answer.
    answer = answerer.ask("2月份已经交了职工医保费，减征的部分怎么退？需要单位自己申请吗？").answer
    assert "？" not in answer and "无需缴费人提交申请" in answer


def test_a_definition_is_quoted_past_its_shi_zhi(answerer: Answerer):
    # 北京 notice: "需要在家看护的未成年子女是指，因中小学和幼儿园推迟开学，疫情防控期间需要在家看护的未成年子女。"
    answer = answerer.ask("北京职工在家看护未成年子女政策里，“需要在家看护的未成年子女”具体指什么？").answer
    assert answer.startswith("需要在家看护的未成年子女是指") and "推迟开学" in answer


def test_eligibility_answers_keep_their_conditions(answerer: Answerer):
    # 城乡居民养老保险: "年满60周岁、累计缴费满15年，且未领取…的，可以从符合领取条件的次月起按月领取…"
    answer = answerer.ask("湖南城乡居民养老保险要满足什么条件才能按月领钱？").answer
    assert "年满60周岁、累计缴费满15年" in answer and "可以从符合领取条件的次月起按月领取" in answer


def test_a_question_of_two_parts_is_answered_in_both():
    # 北京 社会保险经办 notice 二（五）, the EMS sentence as printed.
    article = ("倡导并指引个人在网上办理补换卡业务，同时选择快递方式领取，EMS 将从2020年2月3日开始快递社保卡，"
               "个人可以通过快递单号到 EMS 官网查询快递进度，也可以通过96102查询快递进度。")
    assert question_parts("EMS从哪天开始寄卡？快递进度怎么查？") == ["EMS从哪天开始寄卡", "快递进度怎么查"]
    assert quote(article, [(30, 54), (55, 95)]).endswith("EMS 官网查询快递进度，也可以通过96102查询快递进度。")


def test_each_part_of_a_two_part_question_is_quoted(answerer: Answerer):
    # 人社部发〔2020〕… 灵活就业: "……允许疫情结束后补办，并在系统内标识。逾期办理缴费不影响参保人员个人权益记录，
    # 补办手续应在疫情解除后三个月内完成。"
    answer = answerer.ask("灵活就业人员疫情期间没按时交社保，允许疫情结束后补办吗？补办最晚什么时候办完？").answer
    assert "允许疫情结束后补办" in answer and "补办手续应在疫情解除后三个月内完成" in answer


def test_spoken_question_words_ask_what_written_ones_do():
    assert normalize("失业金啥时候能到账").text == "失业金什么时候能到账"
    assert question_types(normalize("补贴咋申请").text) == ["procedure"]
    assert question_types("钱到账后几天内要转给用工单位") == ["deadline"]
    assert question_types("申请以工代训补贴要提交哪些材料？") == ["materials", "procedure"]
    assert question_types("春季网络招聘月什么时间举办？") == ["deadline"]
    assert question_types("“持证兼业渔民”具体是怎么界定的？") == ["definition", "procedure"]
    assert question_types("统筹基金的收支缺口由谁来兜底？") == ["responsible"]
    assert question_types("谁可以申请一次性创业补贴？") == ["eligibility", "procedure"]


def test_question_types():
    assert question_types("以工代训补贴标准是多少") == ["amount"]
    assert "procedure" in question_types("失业保险金去哪里申请")


def test_wages_during_a_stoppage_are_quoted_with_their_source(answerer: Answerer):
    answer = answerer.ask("疫情期间企业停工停产，工资怎么支付？")
    assert not answer.abstained
    # 人社厅明电〔2020〕5号 二: 企业停工停产在一个工资支付周期内的，企业应按劳动合同规定的标准支付职工工资。
    assert "企业应按劳动合同规定的标准支付职工工资" in answer.answer
    first = answer.citations[0]
    assert first.doc_number == "人社厅明电〔2020〕5号" and first.article == "二、"
    assert answer.answer in first.quote and first.quote in first.text and first.node_id.startswith(first.doc_id + "/")
    assert first.source.file and first.source.start_line <= first.source.end_line


@pytest.mark.parametrize("question", [
    "湖南2020年调整退休人员基本养老金，每人每月定额增加多少？",
    "湖南以工代训补贴每人每月多少钱？",
    "小微企业社保费减免到什么时候",
])
def test_every_quote_is_in_its_cited_article(answerer: Answerer, store, question: str):
    answer = answerer.ask(question)
    assert not answer.abstained and answer.answer in answer.citations[0].quote
    for citation in answer.citations:
        assert all(piece in citation.text for piece in citation.quote.split("……"))
        document = store.get_document(citation.doc_id)
        texts = [a.text for a in document.articles if a.id == citation.node_id]
        rows = ["".join(row) for table in document.tables for row in table.rows]
        assert citation.text in texts or any(citation.text in row for row in rows)


@pytest.mark.parametrize("question", [
    # Sick pay is "不得低于北京市最低工资标准的80%": the standard itself is set outside these documents.
    "北京市的最低工资标准是多少？",
    "株洲的最低工资标准现在是每月多少钱？",  # 株洲 is in Hunan; no document states its minimum wage
    "重庆城乡居民医保个人缴费标准一年交多少钱？",  # the Chongqing articles on 医保 state no such figure
    "重庆一线医务人员因公感染新冠肺炎，发放的救助金具体是多少钱？",  # 一线 is not a figure
    # The national 5% (人社部发〔2020〕22号) is not Chongqing's figure, and no Chongqing document gives one.
    "重庆市今年退休人员基本养老金涨了多少？",
    "广东省2020年失业保险金标准提高到最低工资标准的多少？",   # another province
    "2023年失业保险稳岗返还政策中大型企业返还比例是多少？",  # another year
    "北京2020年新能源小客车指标怎么摇号？",                  # another topic
    "重庆市2019年度失业保险金月标准是多少元？",               # only a Beijing article mentions such a standard
])
def test_questions_outside_the_corpus_are_not_answered(answerer: Answerer, question: str):
    answer = answerer.ask(question)
    assert answer.abstained and answer.answer == "" and answer.citations == []
    assert answer.reason.startswith("资料中未找到")
    assert answer.nearest


def test_batch_answers_in_order_with_errors_in_place(answerer: Answerer):
    results = answerer.ask_many(["以工代训补贴标准是多少", "", "广东省稳岗返还怎么申请"])
    assert not isinstance(results[0], Exception) and results[0].question == "以工代训补贴标准是多少"
    assert isinstance(results[1], ValueError)
    assert results[2].abstained


def test_input_lines_of_the_batch_mode():
    assert parse_question_line("社保费减免到什么时候") == ("社保费减免到什么时候", "")
    assert parse_question_line('{"question": "以工代训"}') == ("以工代训", "")
    assert parse_question_line("{not json")[1].startswith("不是有效的 JSON")


def test_a_province_outside_the_corpus_gets_the_national_rule_with_a_note(answerer: Answerer):
    # 人社部发〔2020〕11号 三: "受疫情影响生产经营出现严重困难的企业，可申请缓缴社会保险费".
    answer = answerer.ask("山西省企业疫情期间可以申请缓缴社会保险费吗？")
    assert not answer.abstained and answer.citations[0].doc_number == "人社部发〔2020〕11号"
    assert "资料未收录山西的文件；以下为全国规定。" in answer.notes


def test_a_local_figure_of_a_province_outside_the_corpus_is_refused(answerer: Answerer):
    answer = answerer.ask("山西省2020年最低工资标准调整为多少？")
    assert answer.abstained and "山西" in answer.reason


def test_a_place_named_only_among_others_gets_no_national_answer(answerer: Answerer):
    # The 长江保护法 (主席令第65号) names 上海市 only in the list of provinces the Yangtze
    # flows through; nothing in the corpus sets 上海's 居住证积分落户.
    answer = answerer.ask("上海市居住证积分落户的分值有何调整？")
    assert answer.abstained and "没有上海的文件" in answer.reason
    # A national rule written for the place itself still answers for it: "要把……以及湖北省的
    # 贫困劳动力作为重点对象".
    helped = answerer.ask("湖北省的贫困劳动力有什么就业帮扶政策？")
    assert not helped.abstained and "湖北省的贫困劳动力作为重点对象" in helped.answer


def test_a_span_naming_only_whom_runs_on_to_what_follows(answerer: Answerer):
    # 人社部发〔2020〕40号: "对领取失业保险金期满仍未就业且距离法定退休年龄不足1年的失业人员，
    # 可继续发放失业保险金至法定退休年龄". The 对……的失业人员 phrase alone says only to whom.
    answer = answerer.ask("广东省对领取失业保险金期满仍未就业且距法定退休年龄不足1年的失业人员如何保障？")
    assert "可继续发放失业保险金至法定退休年龄" in answer.answer


def test_what_the_asked_verb_takes_is_the_answer(answerer: Answerer):
    # 国发明电〔2020〕5号: "医务人员参加疫情防治经历可视同为一年基层工作经历".
    answer = answerer.ask("参加疫情防治的医务人员，其经历可视同为什么？")
    assert answer.answer == "一年基层工作经历"
    assert answer.citations[0].quote == "医务人员参加疫情防治经历可视同为一年基层工作经历。"


def test_a_place_is_matched_as_a_whole_word():
    from zhengce.answer.question import place_names

    assert place_names("延长春节假期期间工资怎么发") == {}  # 长春 is not a place inside 延长春节
    assert place_names("太原市失业人员") == {"太原": "山西"}


def test_an_extended_rule_is_answered_with_the_later_rule(answerer: Answerer):
    # 人社部发〔2020〕49号 一: the relief of 11号 "延长执行到2020年12月底".
    answer = answerer.ask("小微企业社保费减免到什么时候")
    assert "2020年12月底" in answer.answer
    assert answer.citations[0].doc_number == "人社部发〔2020〕49号"
    assert any(c.doc_number == "人社部发〔2020〕11号" and c.role == "earlier" for c in answer.citations)
    assert any("人社部发〔2020〕49号" in note for note in answer.notes)
    # Before 49号 was issued (2020-06-22), 11号 was the rule: 免征期限不超过5个月.
    earlier = answerer.ask("小微企业社保费减免到什么时候", on=date(2020, 3, 1))
    assert "5个月" in earlier.answer and earlier.citations[0].doc_number == "人社部发〔2020〕11号"


def test_hunan_relief_follows_its_own_extension(answerer: Answerer):
    # 湘人社规〔2020〕10号 一: "……延长执行到2020年12月底".
    answer = answerer.ask("湖南中小微企业社保费免征到什么时候")
    assert "2020年12月底" in answer.answer
    assert any(c.doc_number == "湘人社规〔2020〕10号" for c in answer.citations)


def test_both_limits_are_quoted_for_a_question_about_both(answerer: Answerer):
    # 湘人社规〔2020〕10号 三: "……上限，按规定正常调整，为15162元/月；下限继续执行2019年个人缴费基数下限标准".
    answer = answerer.ask("湖南2020年社保个人缴费基数上下限")
    assert "15162元/月" in answer.answer and "下限" in answer.answer


def test_another_kind_of_tax_does_not_answer(answerer: Answerer):
    # The corpus speaks of 企业所得税 deductions (湘政发〔2020〕3号), never of 专项附加扣除.
    answer = answerer.ask("个人所得税专项附加扣除")
    assert answer.abstained and "企业所得税" in answer.reason


def test_a_registry_question_is_answered_by_its_cell(answerer: Answerer, search_index):
    # 湘政办发〔2020〕19号 附件, row 199: 事项名称 失业保险金申领, 基本编码 002014008001.
    answer = answerer.ask("失业保险金申领的基本编码是什么")
    assert answer.answer == "002014008001" and answer.citations[0].node_id.endswith("/t1/r199")
    assert search_index.search("失业保险金申领 002014008001", k=3)[0].node_id.endswith("/t1/r199")


def test_citations_carry_the_unit_text_and_the_quote(answerer: Answerer):
    answer = answerer.ask("以工代训补贴标准是多少")
    for citation in answer.citations:
        assert citation.quote and all(piece in citation.text for piece in citation.quote.split("……"))


def test_wages_during_isolation_come_from_a_national_rule(answerer: Answerer):
    # 人社部发〔2020〕8号 三（六） and 人社厅明电〔2020〕5号 一 say what isolated workers are paid; the
    # next paragraph of 京人社劳字〔2020〕11号 二 is about annual leave ("年休假5天"), not isolation.
    answer = answerer.ask("疫情期间被隔离工资怎么算")
    top = answer.citations[0]
    assert not answer.abstained and "年休假" not in answer.answer
    assert top.doc_number in ("人社部发〔2020〕8号", "人社厅明电〔2020〕5号") and "隔离" in top.text
    assert "支付" in answer.answer


def test_a_city_outside_the_corpus_gets_its_row_of_a_national_table(answerer: Answerer):
    # 人社厅发〔2020〕9号 附件, row 8: 省会城市 沈阳, 失业保险金网上申领平台 盛京好办事 APP.
    answer = answerer.ask("沈阳市失业保险金网上申领平台是什么？")
    assert "盛京好办事" in answer.answer and answer.citations[0].doc_number == "人社厅发〔2020〕9号"
    assert any("辽宁" in note for note in answer.notes)


def test_an_item_with_a_body_under_its_heading_line_can_answer(search_index):
    # 京人社毕字〔2020〕20号 三: a heading line "三、活动时间" and under it "2020年3月1日至4月30日".
    from zhengce.answer.ask import _bare_heading

    items = [hit for hit in search_index.search("网络招聘月 活动时间 2020年3月1日至4月30日", k=5)
             if hit.text.startswith("三、活动时间")]
    assert items and not _bare_heading(items[0])
