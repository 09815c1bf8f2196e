# bash completion for dacu. Installed by `cmake --install build` into
# share/bash-completion/completions/dacu, or: source completions/dacu.bash
# tests/cli/completions.py checks it against `dacu --help` and every `dacu COMMAND --help`.
_dacu() {
  local cur prev cmd sub i
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  cmd="" sub=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      plan|report|staff|roi|funnel|check|validate|when|templates|init|schema|agenda|done)
        cmd=${COMP_WORDS[i]}
        [[ $cmd == staff && ${COMP_WORDS[i+1]:-} == erlang && $((i + 1)) -lt $COMP_CWORD ]] && sub=erlang
        break ;;
    esac
  done
  if [[ -z $cmd ]]; then
    COMPREPLY=($(compgen -W "plan report staff roi funnel check validate when templates init schema agenda done --help --version" -- "$cur"))
    return
  fi
  case $prev in
    -f|--format)
      case $cmd$sub in
        plan) COMPREPLY=($(compgen -W "table md csv json ics html xlsx" -- "$cur")) ;;
        report) COMPREPLY=($(compgen -W "md json html xlsx" -- "$cur")) ;;
        staff|roi) COMPREPLY=($(compgen -W "table md csv json xlsx" -- "$cur")) ;;
        stafferlang|check|funnel) COMPREPLY=($(compgen -W "table md csv json" -- "$cur")) ;;
        validate) COMPREPLY=($(compgen -W "text json github" -- "$cur")) ;;
        agenda) COMPREPLY=($(compgen -W "table md csv json ics html" -- "$cur")) ;;
      esac
      return ;;
    --lang) COMPREPLY=($(compgen -W "zh en" -- "$cur")); return ;;
    --by) COMPREPLY=($(compgen -W "role day shift hour table" -- "$cur")); return ;;
    --customers|-p|--products) COMPREPLY=($(compgen -f -X '!*.csv' -- "$cur") $(compgen -d -- "$cur")); return ;;
    --actuals) COMPREPLY=($(compgen -f -X '!*.csv' -- "$cur") $(compgen -f -X '!*.xlsx' -- "$cur") $(compgen -d -- "$cur")); return ;;
    --status) COMPREPLY=($(compgen -f -X '!*.csv' -- "$cur") $(compgen -d -- "$cur")); return ;;
    --state) COMPREPLY=($(compgen -W "未开始 进行中 已完成 取消" -- "$cur")); return ;;
    --ahead) COMPREPLY=($(compgen -W "0d 1d 3d 7d" -- "$cur")); return ;;
    --status-dir) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --note) return ;;
    --encoding) COMPREPLY=($(compgen -W "auto utf-8 gbk gb18030" -- "$cur")); return ;;
    --out-dir|--dir|--template-dir|--actuals-dir) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --summary|--files-from) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --ignore) COMPREPLY=($(compgen -W "D104 D105 D106 D104,D105" -- "$cur")); return ;;
    # schema: --output names a JSON output (its file is -o); everywhere else --output is a file.
    --output) if [[ $cmd == schema ]]; then COMPREPLY=($(compgen -W "plan report staff roi check funnel validate summary agenda" -- "$cur"))
              else COMPREPLY=($(compgen -f -- "$cur")); fi; return ;;
    -o|--baseline|--write-baseline) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --alarm) COMPREPLY=($(compgen -W "10m 30m 1h 1d" -- "$cur")); return ;;
    --ics-events) COMPREPLY=($(compgen -W "tasks milestones deadlines checkpoints tasks,milestones,deadlines,checkpoints" -- "$cur")); return ;;
    --max-staleness) COMPREPLY=($(compgen -W "0 15m 30m 1h" -- "$cur")); return ;;
    -j|--jobs) COMPREPLY=($(compgen -W "auto 1 2 4" -- "$cur")); return ;;
    --set|--as-of|--at|--dept|--owner|--phase|--from|--to|--calendar|--timezone|--sensitivity|--name) return ;;
    --contacts|--interval|--aht|--sl|--max-occupancy|--shrinkage|--concurrency|--agents|--max-agents) return ;;
  esac
  if [[ $cur == -* ]]; then
    local opts="--help --set -f --format -o --output --lang --template-dir"
    case $cmd$sub in
      plan) opts+=" --status --bom --dept --owner --phase --from --to --alarm --ics-events --out-dir -j --jobs --summary --clean-failed --files-from -q --quiet" ;;
      report) opts+=" --actuals --actuals-dir --encoding --sheet --per-period --actuals-date --as-of --max-staleness --check-only --status --status-dir --ahead --dept --owner --fail-on-alert --fail-on-missing --out-dir -j --jobs --summary --clean-failed --files-from -q --quiet" ;;
      staff) opts+=" --by --bom" ;;
      stafferlang) opts="--help -f --format -o --output --lang --contacts --interval --aht --sl --max-occupancy --shrinkage --concurrency --agents --max-agents" ;;
      roi) opts+=" --scenarios --sensitivity --bom" ;;
      check) opts+=" -p --products --bom" ;;
      funnel) opts+=" --customers --bom" ;;
      validate) opts="--help -f --format -o --output --strict --template-dir --ignore --baseline --write-baseline" ;;
      schema) opts="--help -o --output" ;;
      when) opts="--help --at --calendar --timezone" ;;
      templates) opts="--help --dir --trace" ;;
      init) opts="--help --name --set -o --output --force" ;;
      agenda) opts="--help -f --format -o --output --lang --template-dir --all-warnings --strict --from --to --owner --dept --status --status-dir --fail-on-conflict -j --jobs --files-from --bom --csv-raw" ;;
      done) opts="--help --status --state --owner --note --at --template-dir" ;;
    esac
    case $cmd$sub in
      plan|staff|roi|check|funnel) opts+=" --csv-raw" ;;
    esac
    case $cmd$sub in
      plan|report|staff|roi|check|funnel|validate) opts+=" --all-warnings" ;;
    esac
    case $cmd$sub in
      plan|report|staff|roi) opts+=" --strict" ;;
    esac
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    return
  fi
  case $cmd in
    plan|report|roi|check|funnel|validate|agenda|done) COMPREPLY=($(compgen -f -X '!*.y*ml' -- "$cur") $(compgen -d -- "$cur")) ;;
    staff)
      if [[ -z $sub && $COMP_CWORD -eq $((i + 1)) ]]; then
        COMPREPLY=($(compgen -W "erlang" -- "$cur") $(compgen -f -X '!*.y*ml' -- "$cur") $(compgen -d -- "$cur"))
      elif [[ -z $sub ]]; then
        COMPREPLY=($(compgen -f -X '!*.y*ml' -- "$cur") $(compgen -d -- "$cur"))
      fi ;;
    init) COMPREPLY=($(compgen -W "聚划算 双十一 双十一预售 618 订货宝" -- "$cur")) ;;
  esac
}
complete -o filenames -F _dacu dacu
