# bash completion for dacu. Installed by `cmake --install build` into
# share/bash-completion/completions/dacu, or: source completions/dacu.bash
_dacu() {
  local cur prev cmd i
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      plan|report|staff|roi|when|templates|init) cmd=${COMP_WORDS[i]}; break ;;
    esac
  done
  if [[ -z $cmd ]]; then
    COMPREPLY=($(compgen -W "plan report staff roi when templates init --help --version" -- "$cur"))
    return
  fi
  case $prev in
    -f|--format)
      case $cmd in
        plan) COMPREPLY=($(compgen -W "table md csv json ics html xlsx" -- "$cur")) ;;
        report) COMPREPLY=($(compgen -W "md json html xlsx" -- "$cur")) ;;
        staff|roi) COMPREPLY=($(compgen -W "table md csv json xlsx" -- "$cur")) ;;
      esac
      return ;;
    --lang) COMPREPLY=($(compgen -W "zh en" -- "$cur")); return ;;
    --by) COMPREPLY=($(compgen -W "role day shift hour" -- "$cur")); return ;;
    --actuals) COMPREPLY=($(compgen -f -X '!*.csv' -- "$cur") $(compgen -d -- "$cur")); return ;;
    -o|--output) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --out-dir|--dir) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --alarm) COMPREPLY=($(compgen -W "10m 30m 1h 1d" -- "$cur")); return ;;
    -j|--jobs|--set|--as-of|--at|--dept|--owner|--phase|--from|--to|--calendar|--timezone|--sensitivity) return ;;
  esac
  if [[ $cur == -* ]]; then
    local opts="--help --set --format -o --output --lang"
    case $cmd in
      plan) opts+=" --bom --dept --owner --phase --from --to --alarm --out-dir -j --jobs" ;;
      report) opts+=" --actuals --as-of --fail-on-alert --out-dir -j --jobs" ;;
      staff) opts+=" --by --bom" ;;
      roi) opts+=" --scenarios --sensitivity --bom" ;;
      when) opts="--help --at --calendar --timezone" ;;
      templates) opts="--help --dir" ;;
      init) opts="--help --set" ;;
    esac
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    return
  fi
  case $cmd in
    plan|report|staff|roi) COMPREPLY=($(compgen -f -X '!*.yaml' -- "$cur") $(compgen -d -- "$cur")) ;;
    init) COMPREPLY=($(compgen -W "聚划算" -- "$cur")) ;;
  esac
}
complete -o filenames -F _dacu dacu
