#!/usr/bin/env bash
# Re-creates the demo closeness-programme interviews in this folder:
#   interview-N.mp4  (240x136, 10 fps, H.264 + AAC, speaker name drawn on a dark background)
#   interview-N.vtt  (WebVTT, one cue per turn, voice spans)
#   interview-N.json (same turns as the VTT, times in milliseconds)
# Customers' words are verbatim utterances from the banking77 training split (CC BY 4.0, see SOURCE.md);
# facilitator prompts are written for this demo. Speech is synthesised by espeak-ng; pictures by ffmpeg.
# Needs: bash, espeak-ng, ffmpeg (libx264, aac, drawtext), ffprobe, jq, awk.
# Usage: ./make-media.sh            (writes into the folder holding this script)
set -euo pipefail

out_dir=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

rate=16000          # samples per second of the speech track
gap_ms=400          # silence between turns
font=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
facilitator_voice=en-us+m3
facilitator_speed=165

# Interview state, reset by `interview`.
customer="" customer_voice="" customer_speed=""
speakers=() texts=()

interview() { customer=$1 customer_voice=$2 customer_speed=$3; speakers=() texts=(); }
# ask TEXT: a facilitator prompt.
ask() { speakers+=("Facilitator"); texts+=("$1"); }
# answer UTTERANCE...: one customer turn made of banking77 utterances, joined by a space.
answer() { speakers+=("$customer"); texts+=("$*"); }

ms() { awk -v s="$1" -v r="$rate" 'BEGIN { printf "%d", int(s * 1000 / r + 0.5) }'; }
vtt_time() { awk -v t="$1" 'BEGIN { printf "%02d:%02d:%02d.%03d", int(t/3600000), int(t/60000)%60, int(t/1000)%60, t%1000 }'; }
samples() { ffprobe -v error -select_streams a:0 -show_entries stream=duration_ts -of csv=p=0 "$1"; }

render() {
  local n=$1 dir="$work/$1" i voice speed samples_at=0 gap_samples=$((rate * gap_ms / 1000))
  mkdir -p "$dir"
  ffmpeg -v error -y -f lavfi -i "anullsrc=r=$rate:cl=mono" -t "$(awk -v g=$gap_ms 'BEGIN{print g/1000}')" \
    -c:a pcm_s16le "$dir/gap.wav"
  : > "$dir/list.txt"
  local vtt="$out_dir/interview-$n.vtt" json_turns="[]" draw=""
  printf 'WEBVTT\n' > "$vtt"
  for i in "${!texts[@]}"; do
    if [[ ${speakers[i]} == Facilitator ]]; then voice=$facilitator_voice speed=$facilitator_speed
    else voice=$customer_voice speed=$customer_speed; fi
    espeak-ng -v "$voice" -s "$speed" -w "$dir/raw-$i.wav" "${texts[i]}"
    ffmpeg -v error -y -i "$dir/raw-$i.wav" -ac 1 -ar "$rate" -c:a pcm_s16le "$dir/turn-$i.wav"
    if ((i > 0)); then
      echo "file 'gap.wav'" >> "$dir/list.txt"
      samples_at=$((samples_at + gap_samples))
    fi
    echo "file 'turn-$i.wav'" >> "$dir/list.txt"
    local start end len
    len=$(samples "$dir/turn-$i.wav")
    start=$(ms "$samples_at"); samples_at=$((samples_at + len)); end=$(ms "$samples_at")
    local cue_text=${texts[i]//&/&amp;}; cue_text=${cue_text//</&lt;}; cue_text=${cue_text//>/&gt;}
    printf '\n%d\n%s --> %s\n<v %s>%s\n' $((i + 1)) "$(vtt_time "$start")" "$(vtt_time "$end")" \
      "${speakers[i]}" "$cue_text" >> "$vtt"
    json_turns=$(jq -c --arg s "${speakers[i]}" --arg t "${texts[i]}" --argjson a "$start" --argjson b "$end" \
      '. + [{speaker: $s, text: $t, startMs: $a, endMs: $b}]' <<< "$json_turns")
    local colour=0x9fb3c8; [[ ${speakers[i]} == Facilitator ]] || colour=0xffd37a
    draw+=",drawtext=fontfile=$font:text='${speakers[i]}':fontcolor=$colour:fontsize=18"
    draw+=":x=(w-text_w)/2:y=(h-text_h)/2:enable='between(t,$start/1000,$end/1000)'"
  done
  jq -n --arg c "$customer" --argjson turns "$json_turns" '{customer: $c, turns: $turns}' \
    > "$out_dir/interview-$n.json"
  ffmpeg -v error -y -f concat -safe 0 -i "$dir/list.txt" -c:a pcm_s16le "$dir/speech.wav"
  local total; total=$(awk -v s="$samples_at" -v r="$rate" 'BEGIN { printf "%.3f", s / r }')
  ffmpeg -v error -y -f lavfi -i "color=c=0x1b2230:s=240x136:r=10:d=$total" -i "$dir/speech.wav" \
    -vf "drawtext=fontfile=$font:text='Interview $n':fontcolor=0x5c6b80:fontsize=11:x=6:y=6$draw" \
    -c:v libx264 -preset veryslow -crf 36 -tune stillimage -pix_fmt yuv420p -g 100 \
    -c:a aac -b:a 24k -ac 1 -ar "$rate" -shortest -movflags +faststart \
    -metadata title="Earshot demo interview $n (synthetic speech)" "$out_dir/interview-$n.mp4"
}

# Interview 1: card arrival and delays.
interview "Maria Lopez" en-gb+f3 160
ask "Tell me about the last time you waited for a new card."
answer "I have been waiting over a week. Is the card still coming?" \
       "It's been a week since you sent my card and I still don't have it."
ask "How did that make you feel?"
answer "I haven't received my card and am worried it is lost."
ask "What would have helped?"
answer "Is there a way to track the delivery of my card?" \
       "How do I know when my new card is going to arrive?"
ask "Thank you, that is really helpful."
render 1

# Interview 2: exchange rates and fees.
interview "Omar Haddad" en+m5 155
ask "Tell me about your last card payment abroad."
answer "I purchased something overseas and the incorrect exchange rate was applied." \
       "Where are you getting your exchange rates from?"
ask "What happened next?"
answer "There was a fee charged when I paid with my card." \
       "I received a fee I should not have."
ask "What would have helped?"
answer "Let me know when I get charged extra for payments. I saw on the app a fee I wasn't forewarned about."
ask "Thank you, that is really helpful."
render 2

# Interview 3: a declined card and a pending transfer.
interview "Grace Okafor" en-us+f4 168
ask "Tell me about the last time a payment failed."
answer "I use this card all the time so why did it get declined at the store today?" \
       "I'm sure I have enough money so why didn't the store accept my card?"
ask "What did you do then?"
answer "I sent a transfer and it has been pending for awhile. How long will it stay pending?"
ask "What would have helped?"
answer "How do I check to see why my card payment was declined?"
ask "Thank you, that is really helpful."
render 3
