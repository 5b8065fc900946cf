/**
 * The 低保（低保边缘）家庭收入核算单, A4 portrait, for the household's file: the working stored with the
 * 入户调查, the parameter versions it used and their sources, and blank lines to sign. Fields the record
 * does not hold are printed empty, never filled in.
 */
import type { AccountingSheet } from '../../../shared/assistance/types';
import { labelOf } from '../../../shared/codes';
import { PROGRAMMES } from '../../../shared/assistance/codes';
import { yuan } from '../../../shared/care/format';
import { amountText, deductionTexts, itemTexts, paramVersionText, relationText } from '../../../shared/assistance/working-text';
import { shanghaiDate } from '../../../shared/time/shanghai';

function Lines({ texts }: { texts: string[] }) {
  return texts.length === 0 ? <>—</> : texts.map((t) => <div key={t}>{t}</div>);
}

export function AccountingSheetDoc({ doc }: { doc: AccountingSheet }) {
  const w = doc.working;
  return (
    <div className="doc accounting" data-testid="accounting-sheet">
      <h1>低保（低保边缘）家庭收入核算单</h1>
      <table className="kv">
        <colgroup>
          <col style={{ width: '24mm' }} />
          <col />
          <col style={{ width: '24mm' }} />
          <col />
        </colgroup>
        <tbody>
          <tr>
            <td className="k">街道</td>
            <td>{doc.streetName}</td>
            <td className="k">社区</td>
            <td>{doc.communityName}</td>
          </tr>
          <tr>
            <td className="k">户主</td>
            <td>{doc.headName ?? ''}</td>
            <td className="k">申请项目</td>
            <td>{labelOf(PROGRAMMES, doc.programme)}</td>
          </tr>
          <tr>
            <td className="k">家庭住址</td>
            <td colSpan={3}>{doc.address ?? ''}</td>
          </tr>
          <tr>
            <td className="k">家庭人口</td>
            <td>{`${w.householdSize} 人`}</td>
            <td className="k">保障人数</td>
            <td>{`${w.coveredPersons} 人`}</td>
          </tr>
          <tr>
            <td className="k">核算日期</td>
            <td>{w.onDate}</td>
            <td className="k">登记时间</td>
            <td>{shanghaiDate(new Date(doc.investigatedAt))}</td>
          </tr>
        </tbody>
      </table>

      <h2>一、家庭成员收入</h2>
      <table className="grid">
        <colgroup>
          <col style={{ width: '20mm' }} />
          <col style={{ width: '16mm' }} />
          <col />
          <col style={{ width: '46mm' }} />
          <col style={{ width: '24mm' }} />
        </colgroup>
        <thead>
          <tr>
            <th>姓名</th>
            <th>关系</th>
            <th>收入项目（月）</th>
            <th>扣减</th>
            <th>计入收入</th>
          </tr>
        </thead>
        <tbody>
          {w.members.map((m) => (
            <tr key={m.personId}>
              <td>{m.name}</td>
              <td>{relationText(m.relation)}</td>
              <td>
                <Lines texts={itemTexts(m)} />
              </td>
              <td>
                <Lines texts={deductionTexts(m)} />
              </td>
              <td className="num">{yuan(m.countableFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>二、核算结果</h2>
      <table className="kv">
        <colgroup>
          <col style={{ width: '34mm' }} />
          <col />
        </colgroup>
        <tbody>
          <tr>
            <td className="k">家庭月收入合计</td>
            <td>{yuan(w.totalFen)}</td>
          </tr>
          <tr>
            <td className="k">家庭月人均收入</td>
            <td>{`${yuan(w.totalFen)} ÷ ${w.householdSize} 人 = ${yuan(w.perCapitaFen)}`}</td>
          </tr>
          <tr>
            <td className="k">低保标准</td>
            <td>{`${yuan(w.standardFen)}（每人每月）`}</td>
          </tr>
          {w.edgeLine && (
            <tr>
              <td className="k">低保边缘上限</td>
              <td>{`${yuan(w.edgeLine.upperFen)}（低保标准的${w.edgeLine.upperPercent}%，不含）`}</td>
            </tr>
          )}
          <tr>
            <td className="k">月救助金额</td>
            <td>{amountText(w)}</td>
          </tr>
          <tr>
            <td className="k">收入核定结论</td>
            <td>{`${w.lineExplanation}${w.withinLine ? '' : '（超出本项目标准）'}`}</td>
          </tr>
        </tbody>
      </table>

      <h2>三、所用政策参数及来源</h2>
      <ol className="params">
        {w.params.map((p) => (
          <li key={p.id}>
            {paramVersionText(p)}
            <div className="source">{`来源：${p.source ?? '未记载'}`}</div>
          </li>
        ))}
      </ol>

      <div className="signs">
        <div>调查人（签字）：</div>
        <div>审核人（签字）：</div>
        <div>日期：　　　　年　　月　　日</div>
      </div>
    </div>
  );
}
